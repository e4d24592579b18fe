// What each pipeline does, in the words of someone using the dashboard. The catalogue's own description stays the
// implementation detail (tables, events, references) shown behind "Details"; this is the first thing a user reads.

export interface PipelineCopy {
  summary: string;
  /** When to use it rather than another pipeline. */
  when: string;
}

const COPY: Record<string, PipelineCopy> = {
  "elearning-sample": {
    summary: "Creates a realistic practice dataset of online-course learners and their activity, checks it and loads it.",
    when: "Start here to try the platform without your own data.",
  },
  "elearning-ingest": {
    summary: "Loads your own learner list and activity log (users.csv and events.csv), checks every row and replaces the e-learning data.",
    when: "Use after storing the two files with the command-line tool.",
  },
  "wallet-sample": {
    summary: "Creates a practice export of a marketplace wallet (buyers, payments and who churned), checks it and loads it.",
    when: "Try the second data source without your own files.",
  },
  "wallet-ingest": {
    summary: "Loads your own marketplace wallet export (the six CSV files), checks every row and replaces the wallet data.",
    when: "Use after storing the files with the command-line tool.",
  },
  "tabular-load": {
    summary: "Loads an uploaded customer table whose column types you confirmed, checks every row and makes it ready for training.",
    when: "Runs by itself when you confirm an upload; run it here to load a version again.",
  },
  "train-elearning": {
    summary: "Learns which learners are about to stop coming back from their recent activity, checks how well it predicts the most recent weeks, and keeps the better model.",
    when: "Runs by itself after each e-learning load and monthly; run it now after loading new data.",
  },
  "train-wallet": {
    summary: "Learns which marketplace buyers are about to stop paying from their weekly activity, balances and profile, checks it on buyers it never saw, and keeps the better model.",
    when: "Runs by itself after each wallet load and monthly; choose how many recent weeks to learn from.",
  },
  "train-table": {
    summary: "Learns who churns in an uploaded customer table from its columns, checks it on customers it never saw, and keeps the better model.",
    when: "Runs by itself after a table is loaded; pick a dataset by its short name, or leave it empty for the latest.",
  },
  "score-elearning": {
    summary: "Gives every learner a churn risk for the latest day with the current best model, explains the 50 most at risk, and saves the full list.",
    when: "Runs every morning; run it now after training or loading new activity.",
  },
  "score-wallet": {
    summary: "Gives every wallet buyer a churn risk for the latest week with the current best model, explains the 50 most at risk, and saves the full list.",
    when: "Runs every morning; run it now after training or loading a new export.",
  },
  "score-table": {
    summary: "Gives every customer of an uploaded table a churn risk with that table's best model, explains the 50 most at risk, and saves the full list.",
    when: "Runs every morning; pick a dataset by its short name, or leave it empty for the latest.",
  },
  "drift-elearning": {
    summary: "Checks whether the learners scored last still look like the ones the model learned from, column by column, and writes a report.",
    when: "Runs every Monday; run it after scoring. A FAIL means the model may no longer be right about today's learners.",
  },
  "drift-wallet": {
    summary: "Checks whether the wallet buyers scored last still look like the ones the model learned from, column by column, and writes a report.",
    when: "Runs every Monday; run it after scoring a new export.",
  },
  "drift-table": {
    summary: "Checks whether the table rows scored last still look like the ones the model learned from, column by column, and writes a report.",
    when: "Runs every Monday; pick a dataset by its short name, or leave it empty for the latest scored one.",
  },
  "psi-check-elearning": {
    summary: "Checks that today's learner data still looks like a sample of it kept from the first check, number column by number column, and writes a report. Works before any model is trained.",
    when: "Runs every morning; a FAIL means a column's values moved a lot (a broken feed or a real change). If the change is expected, run it with rebaseline=true.",
  },
  "psi-check-wallet": {
    summary: "Checks that the latest week of wallet buyers still looks like a sample of it kept from the first check, number column by number column, and writes a report.",
    when: "Runs every morning; run it after loading a new export. Use rebaseline=true to keep a new sample after an expected change.",
  },
  "psi-check-table": {
    summary: "Checks that an uploaded table's latest rows still look like a sample of them kept from the first check, number column by number column, and writes a report.",
    when: "Runs every morning; pick a dataset by its short name, or leave it empty for the latest loaded one.",
  },
  "crypto-events": {
    summary: "Takes in the last five days of crypto purchases, checks every row, sets the bad ones aside with the reason, and only then updates the purchase records; purchases that disappeared are marked inactive, never deleted.",
    when: "Runs by itself every morning; run it now to take in today's purchases (a failed check leaves the records untouched).",
  },
  "data-watchdog": {
    summary: "Looks for new or changed files in the watched folder and in your uploads, and loads what changed.",
    when: "Runs every night; run it now after dropping a file into the watched folder.",
  },
};

export function pipelineCopy(id: string, fallback: string): PipelineCopy {
  return COPY[id] ?? { summary: fallback, when: "" };
}

/** Splits text on `code` spans, so implementation detail renders as code instead of showing literal backticks. */
export function codeSpans(text: string): { text: string; code: boolean }[] {
  return text.split(/`([^`]+)`/).map((part, i) => ({ text: part, code: i % 2 === 1 })).filter((p) => p.text !== "");
}
