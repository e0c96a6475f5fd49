/**
 * The gateway's settings for the national registers it reads itself (Digital Fuldmagt, the case
 * index, the CPR register, the data owners' correction inbox), all answered by the simulator at
 * `url`: one list for every stack that starts a gateway against it.
 */
export function simulatedRegisters(url: string): Record<string, string> {
  return { PROXY_REGISTRY_URL: url, CASE_INDEX_URL: url, PERSON_REGISTER_URL: url, CORRECTIONS_URL: url };
}
