import { Badge, type BadgeVariant } from "../components/badge.tsx";

const VARIANT: Record<string, BadgeVariant> = { high: "destructive", medium: "warning", low: "neutral" };

/** A customer's risk band (high / medium / low) as a badge whose text is the band itself. */
export function RiskBandBadge({ band }: { band: string }) {
  return (
    <Badge variant={VARIANT[band] ?? "neutral"} data-band={band}>
      {band}
    </Badge>
  );
}
