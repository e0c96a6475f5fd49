import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { createGatewayClient, failedField, type GatewayResult, type TokenSource } from './gateway-client';
import type { NextAppointmentsData, NextPaymentData, OpenCasesData } from './operations';
import { danishAmount, danishDay, danishWhen, problemText, statusMeanings, texts } from './texts';

/**
 * The citizen context as Model Context Protocol tools for a chatbot platform: open cases, next
 * appointments, next payment, and what a status means. It acts only with the citizen's delegated
 * (chatbot) token, which the platform supplies; it never holds a CPR number, never logs, and
 * returns only what each tool shows, in plain Danish.
 */
export interface ChatbotToolServerOptions {
  /** The gateway's GraphQL endpoint, e.g. `https://api.example.dk/graphql`. */
  gatewayUrl: string;
  /** The citizen's delegated access token, or a function giving the current one (refreshed by the platform). */
  token: TokenSource;
  /** Per gateway request; default 10 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

const contactShape = {
  office: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  openingHours: z.string().nullable(),
};

const text = (value: string) => [{ type: 'text' as const, text: value }];
const toolError = (value: string): CallToolResult => ({ content: text(value), isError: true });

function contactLine(contact: { office: string; phone: string | null; email: string | null; openingHours: string | null }): string {
  const parts = [contact.office];
  if (contact.phone) parts.push(`telefon ${contact.phone}`);
  if (contact.email) parts.push(`e-mail ${contact.email}`);
  const line = `Kontakt: ${parts.join(', ')}`;
  return contact.openingHours ? `${line} (${contact.openingHours})` : line;
}

export function createChatbotToolServer(options: ChatbotToolServerOptions): McpServer {
  const gateway = createGatewayClient(options);
  const server = new McpServer(
    { name: 'borger-graph-chatbot', version: '0.1.0' },
    {
      instructions:
        'Værktøjer til en borgers egne oplysninger fra det offentlige: åbne sager, næste aftaler, næste udbetaling og hvad en status betyder. Svarene er på dansk og gælder kun den borger, der er logget ind.',
    },
  );

  const failure = <T>(result: GatewayResult<T>): CallToolResult | null => (result.ok ? null : toolError(problemText[result.problem]));

  server.registerTool(
    'aabne_sager',
    {
      title: 'Åbne sager',
      description: 'Borgerens åbne sager hos det offentlige: titel, hvor sagen står, og hvem man kan kontakte.',
      outputSchema: {
        sager: z.array(z.object({ titel: z.string(), status: z.string(), statusTekst: z.string(), kontakt: z.object(contactShape) })),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async () => {
      const result = await gateway<OpenCasesData>('ChatbotOpenCases');
      if (!result.ok) return failure(result)!;
      if (failedField(result.errors, 'openCases')) return toolError(texts.casesUnavailable);
      const sager = result.data.citizenContext.openCases.map((kase) => ({
        titel: kase.title,
        status: kase.status,
        statusTekst: kase.statusText,
        kontakt: kase.contact,
      }));
      const lines = sager.length
        ? [texts.openCasesHeading(sager.length), ...sager.map((sag) => `- ${sag.titel}: ${sag.statusTekst}. ${contactLine(sag.kontakt)}.`)]
        : [texts.noOpenCases];
      return { content: text(lines.join('\n')), structuredContent: { sager } };
    },
  );

  server.registerTool(
    'naeste_aftaler',
    {
      title: 'Næste aftaler',
      description:
        'Borgerens næste aftaler med det offentlige, de tidligste først: hvad, hvornår, hvor, og hvor aftalen kan flyttes eller aflyses. Frister er ikke med.',
      inputSchema: { antal: z.number().int().min(1).max(10).optional().describe('Højst så mange aftaler (1-10, standard 3).') },
      outputSchema: {
        aftaler: z.array(z.object({ titel: z.string(), tidspunkt: z.string(), hvornaar: z.string(), sted: z.string().nullable(), aendreLink: z.string().nullable() })),
        frister: z.string(),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ antal }) => {
      const result = await gateway<NextAppointmentsData>('ChatbotNextAppointments', { first: antal ?? 3 });
      if (!result.ok) return failure(result)!;
      if (failedField(result.errors, 'nextAppointments')) return toolError(texts.appointmentsUnavailable);
      const aftaler = result.data.citizenContext.nextAppointments.map((appointment) => ({
        titel: appointment.title,
        tidspunkt: appointment.startsAt,
        hvornaar: danishWhen(appointment.startsAt),
        sted: appointment.place,
        aendreLink: appointment.changeLink,
      }));
      const lines = aftaler.length
        ? [
            texts.appointmentsHeading(aftaler.length),
            ...aftaler.map(
              (aftale) =>
                `- ${aftale.titel}: ${aftale.hvornaar}, ${aftale.sted ?? texts.placeUnknown}. ${
                  aftale.aendreLink ? `Flyt eller aflys: ${aftale.aendreLink}` : texts.noChangeLink
                }`,
            ),
          ]
        : [texts.noAppointments];
      lines.push(texts.deadlinesNotHere);
      return { content: text(lines.join('\n')), structuredContent: { aftaler, frister: texts.deadlinesNotHere } };
    },
  );

  server.registerTool(
    'naeste_udbetaling',
    {
      title: 'Næste udbetaling',
      description: 'Borgerens næste udbetaling fra det offentlige: beløb, dato (eller hvorfor datoen ikke kendes) og hvem der udbetaler.',
      outputSchema: {
        udbetaling: z
          .object({ beloeb: z.string(), valuta: z.string(), dato: z.string().nullable(), udenDatoFordi: z.string().nullable(), udbetaler: z.string() })
          .nullable(),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async () => {
      const result = await gateway<NextPaymentData>('ChatbotNextPayment');
      if (!result.ok) return failure(result)!;
      // A payments source that did not answer is not "no payment".
      if (failedField(result.errors, 'nextPayment')) return toolError(texts.paymentUnavailable);
      const payment = result.data.citizenContext.nextPayment;
      if (!payment) return { content: text(texts.noPayment), structuredContent: { udbetaling: null } };
      const amount = danishAmount(payment.amount.amount, payment.amount.currency);
      const line = payment.date
        ? `Din næste udbetaling er ${amount} fra ${payment.paidBy} ${danishDay(payment.date)}.`
        : `Din næste udbetaling er ${amount} fra ${payment.paidBy}. Datoen kendes ikke. ${payment.dateMissingReason ?? ''}`.trim();
      return {
        content: text(line),
        structuredContent: {
          udbetaling: {
            beloeb: payment.amount.amount,
            valuta: payment.amount.currency,
            dato: payment.date,
            udenDatoFordi: payment.date ? null : payment.dateMissingReason,
            udbetaler: payment.paidBy,
          },
        },
      };
    },
  );

  server.registerTool(
    'hvad_betyder_status',
    {
      title: 'Hvad betyder status',
      description:
        'Forklarer på dansk, hvad en status på en sag eller en ydelse betyder, fx DECIDED eller "Afgjort". Henter ingen oplysninger om borgeren.',
      inputSchema: {
        status: z.string().min(1).max(60).describe('Statuskoden (fx DECIDED) eller det ord, borgeren så (fx "Afgjort").'),
        omraade: z.enum(['sag', 'ydelse']).optional().describe('Om det er en sag eller en ydelse; udeladt: begge.'),
      },
      outputSchema: {
        betydninger: z.array(z.object({ omraade: z.enum(['sag', 'ydelse']), status: z.string(), ord: z.string(), betydning: z.string() })),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ status, omraade }) => {
      const found = statusMeanings(status, omraade);
      if (!found.length) return toolError(texts.unknownStatus(status));
      const betydninger = found.map((entry) => ({ omraade: entry.kind, status: entry.status, ord: entry.label, betydning: entry.meaning }));
      const lines = found.map((entry) => `${entry.kind === 'sag' ? 'Sag' : 'Ydelse'} med status "${entry.label}" (${entry.status}): ${entry.meaning}`);
      return { content: text(lines.join('\n')), structuredContent: { betydninger } };
    },
  );

  return server;
}
