// The number and date grammar of the quality compiler: the one grammar the loader, staging and type inference use
// too (lib/values), under the names the compiler reads.
export { DATE_LAYOUTS, type DateLayout, type DatePart } from "../../values/date-grammar.ts";
export { INTEGER_SQL_PATTERN as INTEGER_TEXT, NUMBER_SQL_PATTERN as NUMERIC_TEXT } from "../../values/number-grammar.ts";
