export function LoggedOut({ message, isError, onLogin }: { message: string | null; isError: boolean; onLogin: () => void }) {
  return (
    <>
      <h1>Mit Overblik</h1>
      {message && (
        <div className={isError ? 'banner banner-error' : 'banner banner-info'} role={isError ? 'alert' : 'status'}>
          <p>{message}</p>
        </div>
      )}
      <p>Se dine sager, ydelser, udbetalinger, aftaler og frister hos det offentlige ét sted, og hvem der har set dine oplysninger.</p>
      <p>
        <button type="button" onClick={onLogin}>
          Log ind
        </button>
      </p>
      <p className="note">Du logger ind med MitID. I udviklingsmiljøet vælger du en testperson i stedet.</p>
    </>
  );
}
