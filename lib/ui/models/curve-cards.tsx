import { ChartCard, type ChartData } from "../components/chart-card.tsx";
import { CurveChart, type CurveSeries } from "./curve-chart.tsx";
import { formatMetric } from "./metric-format.ts";
import type { ReportView } from "./report-view.ts";

// The four test-set curve charts, for one version or two overlaid (the compare). Each is a ChartCard: a title, an
// accessible name that says what is plotted and the headline number, and the points as a table behind "Show data".

export interface LabelledReport {
  /** "v3" */
  label: string;
  report: ReportView;
}

const r4 = (x: number) => Number(x.toFixed(4));
const DIAGONAL = [{ x: 0, y: 0 }, { x: 1, y: 1 }];
const versionsText = (vs: readonly LabelledReport[]) => vs.map((v) => v.label).join(" and ");

function Missing({ what }: { what: string }) {
  return <p className="m-0 text-sm text-muted-foreground">No {what} was stored with this version.</p>;
}

export function RocCard({ versions }: { versions: readonly LabelledReport[] }) {
  const have = versions.filter((v) => v.report.roc);
  const series: CurveSeries[] = [
    ...have.map((v) => ({ name: v.label, points: v.report.roc!.fpr.map((x, i) => ({ x, y: v.report.roc!.tpr[i] })) })),
    { name: "Chance", points: DIAGONAL, reference: true },
  ];
  const auc = have.map((v) => `${v.label} ROC-AUC ${formatMetric(v.report.numbers.find((n) => n.key === "roc_auc")?.value)}`).join(", ");
  const data: ChartData = {
    columns: ["Version", "False positive rate", "True positive rate", "Threshold"],
    rows: have.flatMap((v) => v.report.roc!.fpr.map((x, i) => [v.label, r4(x), r4(v.report.roc!.tpr[i]), r4(v.report.roc!.thresholds[i])])),
  };
  return (
    <ChartCard title="ROC curve" description="Churners caught (true positive rate) against stayers flagged by mistake, on the test set." label={`ROC curve of ${versionsText(versions)}: true positive rate against false positive rate; ${auc}`} data={data} heightClass="h-72">
      {have.length ? <CurveChart series={series} xLabel="False positive rate" yLabel="True positive rate" /> : <Missing what="ROC curve" />}
    </ChartCard>
  );
}

export function PrCard({ versions }: { versions: readonly LabelledReport[] }) {
  const have = versions.filter((v) => v.report.pr);
  const base = have[0]?.report.positives !== null && have[0]?.report.rows ? have[0].report.positives! / have[0].report.rows! : null;
  const series: CurveSeries[] = [
    ...have.map((v) => ({ name: v.label, points: v.report.pr!.recall.map((x, i) => ({ x, y: v.report.pr!.precision[i] })) })),
    ...(base !== null ? [{ name: "Base rate", points: [{ x: 0, y: base }, { x: 1, y: base }], reference: true }] : []),
  ];
  const ap = have.map((v) => `${v.label} PR-AUC ${formatMetric(v.report.numbers.find((n) => n.key === "pr_auc")?.value)}`).join(", ");
  const data: ChartData = {
    columns: ["Version", "Recall", "Precision", "Threshold"],
    rows: have.flatMap((v) => v.report.pr!.recall.map((x, i) => [v.label, r4(x), r4(v.report.pr!.precision[i]), v.report.pr!.thresholds[i] === null ? "—" : r4(v.report.pr!.thresholds[i]!)])),
  };
  return (
    <ChartCard title="Precision–recall curve" description="Of the customers flagged, how many churn (precision), against how many churners are found (recall)." label={`Precision-recall curve of ${versionsText(versions)}: precision against recall; ${ap}`} data={data} heightClass="h-72">
      {have.length ? <CurveChart series={series} xLabel="Recall" yLabel="Precision" /> : <Missing what="precision-recall curve" />}
    </ChartCard>
  );
}

export function CalibrationCard({ versions }: { versions: readonly LabelledReport[] }) {
  const have = versions.filter((v) => v.report.calibration);
  const series: CurveSeries[] = [
    ...have.map((v) => ({
      name: v.label,
      points: v.report.calibration!.filter((b) => b.mean_predicted !== null && b.observed_rate !== null).map((b) => ({ x: b.mean_predicted!, y: b.observed_rate! })),
    })),
    { name: "Perfectly calibrated", points: DIAGONAL, reference: true },
  ];
  const data: ChartData = {
    columns: ["Version", "Bin", "Customers", "Mean predicted", "Observed churn rate"],
    rows: have.flatMap((v) => v.report.calibration!.map((b) => [v.label, `${b.lower.toFixed(1)}–${b.upper.toFixed(1)}`, b.count, b.mean_predicted === null ? "—" : r4(b.mean_predicted), b.observed_rate === null ? "—" : r4(b.observed_rate)])),
    numericColumns: [2, 3, 4],
  };
  return (
    <ChartCard title="Calibration (reliability diagram)" description="Predicted churn probability against the churn rate observed, in 10 bins; on the diagonal the probabilities can be taken at face value." label={`Calibration of ${versionsText(versions)}: observed churn rate against mean predicted probability in 10 bins`} data={data} heightClass="h-72">
      {have.length ? <CurveChart series={series} xLabel="Mean predicted probability" yLabel="Observed churn rate" percent dots /> : <Missing what="calibration" />}
    </ChartCard>
  );
}

export function GainsCard({ versions }: { versions: readonly LabelledReport[] }) {
  const have = versions.filter((v) => v.report.gains);
  const series: CurveSeries[] = [
    ...have.map((v) => ({ name: v.label, points: v.report.gains!.fraction.map((x, i) => ({ x, y: v.report.gains!.gain[i] })) })),
    { name: "Random order", points: DIAGONAL, reference: true },
  ];
  const at10 = have.map((v) => `${v.label} finds ${v.report.gains!.at_10 === undefined ? "—" : `${Math.round(v.report.gains!.at_10 * 100)}%`} of churners in the top 10%`).join(", ");
  const data: ChartData = {
    columns: ["Version", "Customers contacted (share, riskiest first)", "Churners found (share)"],
    rows: have.flatMap((v) => v.report.gains!.fraction.map((x, i) => [v.label, r4(x), r4(v.report.gains!.gain[i])])),
  };
  return (
    <ChartCard title="Cumulative gains" description="Contact customers from the riskiest down: the share of all churners reached after each share of customers." label={`Cumulative gains of ${versionsText(versions)}: share of churners found against share of customers contacted; ${at10}`} data={data} heightClass="h-72">
      {have.length ? <CurveChart series={series} xLabel="Customers contacted" yLabel="Churners found" percent /> : <Missing what="gains curve" />}
    </ChartCard>
  );
}
