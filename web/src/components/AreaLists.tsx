import type { MitOverblikQuery } from '../../../clients/generated/graphql';
import type { AreaKey } from '../text/areas';
import { formatDate, formatDateTime, formatMoney, isoOf } from '../text/format';
import { Contact } from './Contact';

/** The items of each area, in plain Danish: what it is, where it stands, when, and whom to ask. */

type Me = MitOverblikQuery['me'];
type Item<K extends AreaKey> = NonNullable<Me[K]>[number];

export function CaseList({ cases }: { cases: readonly Item<'cases'>[] }) {
  return (
    <ul className="items">
      {cases.map((item) => (
        <li key={item.id}>
          <h3>{item.title}</h3>
          <dl>
            <dt>Status</dt>
            <dd>{item.progressText}</dd>
            <dt>Emne</dt>
            <dd>
              {item.kle.name} (KLE {item.kle.code})
            </dd>
            <dt>Oprettet</dt>
            <dd>
              <time dateTime={isoOf(item.openedOn)}>{formatDate(item.openedOn)}</time>
            </dd>
            {item.closedOn != null && (
              <>
                <dt>Afsluttet</dt>
                <dd>
                  <time dateTime={isoOf(item.closedOn)}>{formatDate(item.closedOn)}</time>
                </dd>
              </>
            )}
            <dt>Myndighed</dt>
            <dd>{item.responsibleAuthority.name}</dd>
            <Contact contact={item.contact} />
          </dl>
        </li>
      ))}
    </ul>
  );
}

const frequencyWords: Record<string, string> = { MONTHLY: 'om måneden', QUARTERLY: 'i kvartalet', ONCE: 'én gang' };
const payerWords: Record<string, string> = { MUNICIPALITY: 'Kommunen', UDBETALING_DANMARK: 'Udbetaling Danmark' };

export function BenefitList({ benefits }: { benefits: readonly Item<'benefits'>[] }) {
  return (
    <ul className="items">
      {benefits.map((item) => (
        <li key={item.id}>
          <h3>{item.name}</h3>
          <dl>
            <dt>Status</dt>
            <dd>{item.statusText}</dd>
            <dt>Beløb</dt>
            <dd>
              {formatMoney(item.amount)} {frequencyWords[item.frequency] ?? ''}
            </dd>
            <dt>Periode</dt>
            <dd>{item.period.to ? `${formatDate(item.period.from)} til ${formatDate(item.period.to)}` : `Fra ${formatDate(item.period.from)}`}</dd>
            <dt>Udbetales af</dt>
            <dd>{payerWords[item.paidBy] ?? item.paidBy}</dd>
            {item.case && (
              <>
                <dt>Sag</dt>
                <dd>{item.case.title}</dd>
              </>
            )}
          </dl>
        </li>
      ))}
    </ul>
  );
}

export function PaymentList({ payments }: { payments: readonly Item<'payments'>[] }) {
  return (
    <ul className="items">
      {payments.map((item) => (
        <li key={item.id}>
          <h3>
            {item.kind === 'DEBT' ? 'Gæld' : 'Udbetaling'}: {formatMoney(item.amount)}
          </h3>
          <dl>
            <dt>{item.kind === 'DEBT' ? 'Forfalder' : 'Dato'}</dt>
            <dd>
              {item.paymentDate != null ? (
                <time dateTime={isoOf(item.paymentDate)}>{formatDate(item.paymentDate)}</time>
              ) : (
                // A missing date is said, never guessed.
                <>Datoen kendes ikke. {item.paymentDateMissingReason}</>
              )}
            </dd>
            {item.benefit && (
              <>
                <dt>Ydelse</dt>
                <dd>{item.benefit.name}</dd>
              </>
            )}
            <dt>Betales af</dt>
            <dd>{item.payingAuthority.name}</dd>
          </dl>
        </li>
      ))}
    </ul>
  );
}

function SelfServiceLink({ link, authority, label }: { link: { url: string; isFallback: boolean }; authority: string; label: string }) {
  return (
    <p>
      <a href={link.url} rel="noopener noreferrer">
        {link.isFallback ? `Gå til selvbetjening hos ${authority}` : label}
      </a>
    </p>
  );
}

export function AppointmentList({ appointments }: { appointments: readonly Item<'appointments'>[] }) {
  return (
    <ul className="items">
      {appointments.map((item) => (
        <li key={item.id}>
          <h3>{item.title}</h3>
          <dl>
            <dt>Tid</dt>
            <dd>
              <time dateTime={isoOf(item.startsAt)}>{formatDateTime(item.startsAt)}</time>
            </dd>
            {item.location && (
              <>
                <dt>Sted</dt>
                <dd>{item.location.address ? `${item.location.name}, ${item.location.address}` : item.location.name}</dd>
              </>
            )}
            <dt>Myndighed</dt>
            <dd>{item.responsibleAuthority.name}</dd>
            <Contact contact={item.contact} note={item.contactIsGeneral ? item.contactNote : null} />
          </dl>
          <SelfServiceLink link={item.changeLink} authority={item.responsibleAuthority.name} label={`Flyt eller aflys: ${item.title}`} />
        </li>
      ))}
    </ul>
  );
}

export function DeadlineList({ deadlines }: { deadlines: readonly Item<'deadlines'>[] }) {
  return (
    <ul className="items">
      {deadlines.map((item) => (
        <li key={item.id}>
          <h3>{item.title}</h3>
          <dl>
            <dt>Frist</dt>
            <dd>
              <time dateTime={isoOf(item.dueAt)}>{formatDateTime(item.dueAt)}</time>
            </dd>
            {item.consequence && (
              <>
                <dt>Hvis fristen ikke nås</dt>
                <dd>{item.consequence}</dd>
              </>
            )}
            <dt>Myndighed</dt>
            <dd>{item.responsibleAuthority.name}</dd>
            <Contact contact={item.contact} note={item.contactNote} />
          </dl>
          <SelfServiceLink link={item.actLink} authority={item.responsibleAuthority.name} label={`Gør det nu: ${item.title}`} />
        </li>
      ))}
    </ul>
  );
}
