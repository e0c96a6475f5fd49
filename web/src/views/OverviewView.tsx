import { useEffect } from 'react';
import { loadGrantors } from '../api/held-proxies';
import { loadOverview, type Overview } from '../api/overview';
import type { ActingFor, Grantor } from '../auth/session';
import { AppointmentList, BenefitList, CaseList, DeadlineList, PaymentList } from '../components/AreaLists';
import { AreaSection } from '../components/AreaSection';
import { Loading, PageFailed } from '../components/Banners';
import { ProxySwitcher } from '../components/ProxySwitcher';
import type { PageConfig } from '../config';
import { useLoader } from '../use-loader';

interface Props {
  config: PageConfig;
  accessToken: string;
  actingFor: ActingFor | null;
  onLoaded: (overview: Overview) => void;
  onLoggedOut: () => void;
  onChooseGrantor: (grantor: Grantor) => void;
}

export function OverviewView({ config, accessToken, actingFor, onLoaded, onLoggedOut, onChooseGrantor }: Props) {
  const [overview, reload] = useLoader(() => loadOverview(config, accessToken), onLoggedOut);
  // Only on one's own login: a proxy's token may not list proxies held. A failure hides the switcher, nothing more.
  const [grantors] = useLoader(() => (actingFor ? Promise.resolve([]) : loadGrantors(config, accessToken).catch(() => [])), onLoggedOut);
  useEffect(() => {
    if (overview.status === 'loaded') onLoaded(overview.value);
  }, [overview]);

  const title = actingFor === null ? 'Dit overblik' : actingFor === 'someone' ? 'Overblik for den, du handler for' : `Overblik for ${actingFor.name}`;
  return (
    <>
      <h1 tabIndex={-1}>{title}</h1>
      {/* Once the overview is in: it tells the holder's own id, which the switch sends the issuer as the login hint. */}
      {overview.status === 'loaded' && grantors.status === 'loaded' && grantors.value.length > 0 && <ProxySwitcher grantors={grantors.value} onChoose={onChooseGrantor} />}
      {overview.status === 'loading' && <Loading what="oplysningerne" />}
      {overview.status === 'failed' && <PageFailed what="Oplysningerne" onRetry={reload} />}
      {overview.status === 'loaded' && (
        <div className="areas">
          <AreaSection area="cases" state={overview.value.cases} onRetry={reload}>
            {(items) => <CaseList cases={items} />}
          </AreaSection>
          <AreaSection area="benefits" state={overview.value.benefits} onRetry={reload}>
            {(items) => <BenefitList benefits={items} />}
          </AreaSection>
          <AreaSection area="payments" state={overview.value.payments} onRetry={reload}>
            {(items) => <PaymentList payments={items} />}
          </AreaSection>
          <AreaSection area="appointments" state={overview.value.appointments} onRetry={reload}>
            {(items) => <AppointmentList appointments={items} />}
          </AreaSection>
          <AreaSection area="deadlines" state={overview.value.deadlines} onRetry={reload}>
            {(items) => <DeadlineList deadlines={items} />}
          </AreaSection>
        </div>
      )}
    </>
  );
}
