import type { ReactNode } from 'react';

export interface ContactDetails {
  office: string;
  phone?: string | null;
  email?: string | null;
  openingHours?: string | null;
}

/** How to reach the responsible office (never a named caseworker). */
export function Contact({ contact, note }: { contact: ContactDetails; note?: string | null }) {
  const parts: ReactNode[] = [contact.office];
  if (contact.phone) parts.push(<>telefon <a href={`tel:${contact.phone.replace(/\s/g, '')}`}>{contact.phone}</a></>);
  if (contact.email) parts.push(<a href={`mailto:${contact.email}`}>{contact.email}</a>);
  if (contact.openingHours) parts.push(contact.openingHours);
  return (
    <>
      <dt>Kontakt</dt>
      <dd>
        {parts.map((part, index) => (
          <span key={index}>
            {index > 0 && ', '}
            {part}
          </span>
        ))}
        {note && <span className="note block">{note}</span>}
      </dd>
    </>
  );
}
