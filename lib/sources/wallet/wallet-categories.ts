// The category values the wallet contract lists (ARCHITECTURE §6.2), shared by the generator and the suites.
// Suites compare them case-insensitively and only warn on other values: a new category is news, not an error.

export const TPV_SEGMENTS = [
  "Instore", "Transport", "Utilities", "Money Transfer", "Cellphone Recharge", "Online Payments", "Digital Goods", "Entertainment",
] as const;

export const GENDERS = ["male", "female", "Unknown"] as const;

/** "00. Sin Dato" has a space after the dot and the others do not: that is how the export writes them. */
export const AGE_BANDS = [
  "00. Sin Dato", "01.Menor de 18 años", "02.Entre 18 y 25 años", "03.Entre 26 y 30 años", "04.Entre 31 y 35 años",
  "05.Entre 36 y 45 años", "06.Entre 46 y 55 años", "07.Entre 56 y 65 años", "08.Mayor de 65 años",
] as const;

export const CARD_TYPES = [
  "Credit Card", "Account Money", "Debit Card", "Ticket", "Bank Transfer", "digital_currency", "Prepaid Card", "consumer_credits",
] as const;

export const INVERSION_STATES = [
  "eligible", "warmup", "pending", "investing", "non_eligible", "disabled", "disable_pending", "rejected", "banned",
] as const;

/** Values outside the lists above that the generator writes now and then, so the warn path is exercised. */
export const UNLISTED = {
  segment: "Crypto",
  card: "buy_now_pay_later",
  inversion: "paused",
  gender: "non_binary",
} as const;
