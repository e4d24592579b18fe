import Link from "next/link";

export default function NotFound() {
  return (
    <section aria-labelledby="not-found-heading">
      <h1 id="not-found-heading">Not found</h1>
      <p>There is nothing at this address: the run or page may never have existed, or the link is mistyped.</p>
      <p>
        <Link href="/runs">See all runs</Link> or go back to <Link href="/">Pipelines</Link>.
      </p>
    </section>
  );
}
