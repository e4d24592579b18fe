/** Why a run failed: the message for people, the stack folded away for whoever debugs it. */
export function RunError({ title, message, stack }: { title: string; message: string | null; stack: string | null }) {
  if (!message && !stack) return null;
  return (
    <section className="run-error" aria-label={title}>
      <h2>{title}</h2>
      {message && <p className="error-text">{message}</p>}
      {stack && (
        <details>
          <summary>Stack trace</summary>
          <pre>{stack}</pre>
        </details>
      )}
    </section>
  );
}
