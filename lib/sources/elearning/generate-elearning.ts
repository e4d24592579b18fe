import type { ElearningSampleParams } from "./elearning-params.ts";
import { createSeededRandom, type SeededRandom } from "./seeded-random.ts";

export const USERS_HEADER =
  "user_id,signup_date,plan,is_paid,country,marketing_source,engagement_score";
export const EVENTS_HEADER =
  "event_id,user_id,event_time,event_type,course_id,watch_minutes,quiz_score,amount";

const COUNTRIES = ["US", "IN", "BR", "GB", "DE", "FR", "ES", "MX", "CA", "NG", "ID", "PL"];
const COUNTRY_WEIGHTS = [24, 16, 9, 8, 7, 6, 5, 5, 5, 5, 5, 5];
const SOURCES = ["organic", "paid_search", "social", "referral", "email", "affiliate"];
const SOURCE_WEIGHTS = [35, 20, 18, 12, 9, 6];
const COURSES = [
  "python-basics", "data-viz-101", "k8s-mastery", "sql-fundamentals", "react-intro",
  "ml-foundations", "docker-essentials", "typescript-deep-dive", "aws-cloud-practitioner",
  "excel-for-analysts", "git-and-github", "statistics-101", "product-management",
  "ux-design-basics", "go-concurrency",
];
const COURSE_WEIGHTS = [14, 10, 6, 10, 9, 8, 7, 6, 6, 6, 5, 5, 4, 3, 2];
const COURSE_INDEXES = COURSES.map((_, i) => i);
const PRICES = [19, 29];
const PRICE_WEIGHTS = [0.6, 0.4];

/** Activity ramps down linearly over this many days before a churn date. */
const FADE_DAYS = 14;
/** Healthy users are nudged back after this many idle days, so they never show month-long gaps. */
const MAX_IDLE_DAYS = 9;
/** Keys pack (second of day, user id); user ids stay below this (params cap users at 200k). */
const USER_KEY_SPAN = 262_144;
const DAY_MS = 86_400_000;
const LAST_SECOND = 86_399;

interface SimUser {
  id: number;
  signupDay: number; // day index relative to startDate; negative = before the window
  activeFrom: number;
  churnDay: number; // first silent day; Infinity when the user never churns in the window
  engagement: number;
  pActive: number;
  extraSessionRate: number;
  videoRate: number;
  quizRate: number;
  price: number; // 0 for free users
  billingDom: number;
  hour: number;
  courses: number[];
  idleDays: number;
  retryDay: number; // day of the pending retry after a failed payment, -1 if none
}

export interface ElearningDataset {
  usersCsv: string;
  eventsCsv: string;
  stats: {
    users: number; events: number; churnedUsers: number; paidUsers: number;
    firstEventTime: string; lastEventTime: string; // "" when no events were generated
  };
}

/** Zero prints as `0.0` and whole numbers as `19.0`; others keep full JS precision. */
function formatFloat(x: number): string {
  return Number.isInteger(x) ? x.toFixed(1) : String(x);
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));

function clockTime(second: number): string {
  const h = Math.floor(second / 3600);
  const m = Math.floor((second % 3600) / 60);
  return `${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[second % 60]}`;
}

function createUser(id: number, days: number, p: ElearningSampleParams, rng: SeededRandom) {
  // Most users signed up before the window, so it opens on an established user base.
  const signupDay = rng.int(-180, Math.floor(days / 3));
  const activeFrom = Math.max(0, signupDay);
  const churnDay = rng.next() < p.churnRate ? rng.int(activeFrom + 1, days - 1) : Infinity;
  const engagement = rng.beta(2, 2);
  const price = rng.next() < p.paidRatio ? rng.pick(PRICES, PRICE_WEIGHTS) : 0;
  const courses: number[] = [];
  if (signupDay < 0) {
    const n = rng.int(1, 2);
    while (courses.length < n) {
      const c = rng.pick(COURSE_INDEXES, COURSE_WEIGHTS);
      if (!courses.includes(c)) courses.push(c);
    }
  }
  const user: SimUser = {
    id, signupDay, activeFrom, churnDay, engagement, price, courses,
    pActive: 0.3 + 0.6 * engagement,
    extraSessionRate: 0.2 + 1.0 * engagement,
    videoRate: 0.45 + 1.15 * engagement,
    quizRate: 0.12 + 0.33 * engagement,
    billingDom: 0,
    hour: Math.min(23, Math.max(6, rng.normal(19, 3))),
    idleDays: 0,
    retryDay: -1,
  };
  // Observed score = latent engagement blurred on the logit scale, so it stays inside (0, 1).
  const logit = Math.log(engagement / (1 - engagement)) + rng.normal(0, 0.35);
  const score = rng.next() < 0.03 ? "" : String(1 / (1 + Math.exp(-logit)));
  const country = rng.pick(COUNTRIES, COUNTRY_WEIGHTS);
  const source = rng.pick(SOURCES, SOURCE_WEIGHTS);
  return { user, country, source, score };
}

/**
 * Generates the synthetic e-learning churn dataset (users.csv + events.csv).
 *
 * Simulation: each user has a latent engagement that sets their daily activity
 * probability and events per active day; a `churnRate` share pick a churn day inside
 * the window, fade out over the {@link FADE_DAYS} before it and emit nothing after.
 * Days are simulated in order and each day's events sorted by (time, user), so the
 * file is chronological without a global sort. Same params → byte-identical output.
 */
export interface ElearningStream {
  usersCsv: string;
  /** events.csv in pieces (the header, then one chunk per simulated day): concatenated, exactly `eventsCsv` */
  events: Iterable<string>;
  /** complete once `events` has been read to the end */
  stats: ElearningDataset["stats"];
}

/** The whole dataset in memory (tests, small samples): the stream's pieces joined. */
export function generateElearning(params: ElearningSampleParams): ElearningDataset {
  const s = generateElearningStream(params);
  const eventsCsv = Array.from(s.events).join("");
  return { usersCsv: s.usersCsv, eventsCsv, stats: s.stats };
}

/**
 * The dataset with events.csv produced day by day as it is read, so a 10× sample (4.8M events, ~300 MB of CSV)
 * never exists as one string: the load streams it into the artifact store. Users are simulated first (every day
 * needs them all), events lazily.
 */
export function generateElearningStream(params: ElearningSampleParams): ElearningStream {
  const { users: nUsers, days } = params;
  const startMs = Date.parse(`${params.startDate}T00:00:00Z`);
  if (Number.isNaN(startMs)) throw new RangeError(`Invalid startDate ${params.startDate}`);
  if (nUsers >= USER_KEY_SPAN) throw new RangeError(`users must be < ${USER_KEY_SPAN}`);
  const rng = createSeededRandom(params.seed);
  const isoDate = (day: number) => new Date(startMs + day * DAY_MS).toISOString().slice(0, 10);

  const sims: SimUser[] = [];
  const userLines: string[] = [USERS_HEADER];
  for (let id = 1; id <= nUsers; id++) {
    const { user, country, source, score } = createUser(id, days, params, rng);
    const signup = isoDate(user.signupDay);
    user.billingDom = Math.min(28, Number(signup.slice(8, 10)));
    const plan = user.price > 0 ? "paid,1" : "free,0";
    userLines.push(`${id},${signup},${plan},${country},${source},${score}`);
    sims.push(user);
  }

  const stats: ElearningDataset["stats"] = {
    users: nUsers,
    events: 0,
    churnedUsers: sims.filter((u) => Number.isFinite(u.churnDay)).length,
    paidUsers: sims.filter((u) => u.price > 0).length,
    firstEventTime: "",
    lastEventTime: "",
  };

  // One joined chunk per day: per-line strings die young instead of piling up in the old generation.
  function* eventChunks(): Generator<string> {
    yield `${EVENTS_HEADER}\n`;
    let eventId = 0;
    let firstEventTime = "";
    let lastEventTime = "";
    for (let day = 0; day < days; day++) {
      const prefix = `${isoDate(day)}T`;
      const dayOfMonth = Number(prefix.slice(8, 10));
      const keys: number[] = [];
      const seconds: number[] = [];
      const rests: string[] = [];
      const emit = (u: SimUser, second: number, rest: string) => {
        keys.push(second * USER_KEY_SPAN + u.id);
        seconds.push(second);
        rests.push(rest);
      };

      for (const u of sims) {
        if (day < u.activeFrom || day >= u.churnDay) continue;
        const toChurn = u.churnDay - day;
        const fade = toChurn <= FADE_DAYS ? toChurn / (FADE_DAYS + 1) : 1;
        let hadEvent = false;

        if (u.price > 0 && (dayOfMonth === u.billingDom || day === u.retryDay)) {
          const second = rng.int(3600, 5 * 3600);
          const amount = `,,0.0,,${formatFloat(u.price)}`;
          // Cards fail more often for users on their way out; a retry always succeeds.
          if (day !== u.retryDay && rng.next() < 0.03 + 0.12 * (1 - fade)) {
            emit(u, second, `payment_failed${amount}`);
            u.retryDay = day + rng.int(1, 2);
          } else {
            emit(u, second, `payment_success${amount}`);
            u.retryDay = -1;
          }
          hadEvent = true;
        }

        const forced = day === u.signupDay || (fade === 1 && u.idleDays >= MAX_IDLE_DAYS);
        if (forced || rng.next() < u.pActive * fade) {
          appendStudyDay(u, day, fade, rng, emit);
          hadEvent = true;
        }
        u.idleDays = hadEvent ? 0 : u.idleDays + 1;
      }
      if (keys.length === 0) continue;

      // Tie-break on generation order keeps each user's own events in causal order.
      const order = Array.from(keys, (_, i) => i).sort((a, b) => keys[a]! - keys[b]! || a - b);
      const lines: string[] = [];
      for (const i of order) {
        const key = keys[i]!;
        const stamp = `${prefix}${clockTime(seconds[i]!)}`;
        lines.push(`${++eventId},${key % USER_KEY_SPAN},${stamp},${rests[i]}`);
        if (firstEventTime === "") firstEventTime = stamp;
        lastEventTime = stamp;
      }
      stats.events = eventId;
      stats.firstEventTime = firstEventTime;
      stats.lastEventTime = lastEventTime;
      yield `${lines.join("\n")}\n`;
    }
  }

  // The simulation advances the shared random stream and the users' state: it can run once.
  let read = false;
  const events: Iterable<string> = {
    [Symbol.iterator]() {
      if (read) throw new Error("generateElearningStream: the events can be read once (generate again for a second copy)");
      read = true;
      return eventChunks();
    },
  };
  return { usersCsv: `${userLines.join("\n")}\n`, events, stats };
}

type Emit = (u: SimUser, second: number, rest: string) => void;

/**
 * One active day: one or more study sessions (login, maybe an enrolment, videos and
 * quizzes), maybe a support ticket. Engaged users come back more often and watch more.
 */
function appendStudyDay(u: SimUser, day: number, fade: number, rng: SeededRandom, emit: Emit) {
  const intensity = 0.3 + 0.7 * fade;
  const sessions = 1 + rng.poisson(u.extraSessionRate * intensity);
  // Lay the day out from offset 0, then slide it so it ends before midnight.
  const offsets: number[] = [];
  const rests: string[] = [];
  let t = 0;
  for (let s = 0; s < sessions; s++) {
    if (s > 0) t += rng.int(3600, 4 * 3600);
    offsets.push(t);
    rests.push("login,,0.0,,");
    const enrolls = day === u.signupDay || u.courses.length === 0 || rng.next() < 0.02;
    if (enrolls && u.courses.length < COURSES.length) {
      let c: number;
      do c = rng.pick(COURSE_INDEXES, COURSE_WEIGHTS);
      while (u.courses.includes(c));
      u.courses.push(c);
      t += rng.int(20, 240);
      offsets.push(t);
      rests.push(`course_enroll,${COURSES[c]},0.0,,`);
    }
    const videos = rng.poisson(u.videoRate * intensity);
    let quizzes = rng.poisson(u.quizRate * intensity);
    for (let left = videos + quizzes; left > 0; left--) {
      t += rng.int(10, 300);
      offsets.push(t);
      const course = COURSES[rng.pick(u.courses)];
      // Interleave uniformly: a quiz comes next with probability quizzes / left.
      if (rng.next() * left < quizzes) {
        quizzes--;
        const raw = rng.normal(50 + 40 * u.engagement, 15);
        const score = Math.round(Math.min(100, Math.max(0, raw)) * 10) / 10;
        rests.push(`quiz_attempt,${course},0.0,${formatFloat(score)},`);
        t += rng.int(120, 900);
      } else {
        const minutes = Math.exp(rng.normal(Math.log(12), 0.7));
        rests.push(`video_watch,${course},${formatFloat(minutes)},,`);
        t += Math.round(minutes * 60);
      }
    }
  }
  // Frustrated users file tickets: more likely while fading out.
  if (rng.next() < 0.01 + 0.08 * (1 - fade)) {
    t += rng.int(30, 600);
    offsets.push(t);
    rests.push("support_ticket,,0.0,,");
  }

  const wanted = Math.round((u.hour - 2 * (sessions - 1) + rng.normal(0, 1.5)) * 3600);
  const start = Math.max(0, Math.min(wanted, LAST_SECOND - t));
  for (let i = 0; i < offsets.length; i++) {
    emit(u, Math.min(LAST_SECOND, start + offsets[i]!), rests[i]!);
  }
}
