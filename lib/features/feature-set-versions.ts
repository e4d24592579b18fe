// Feature-set versions, stored on every feature row and build. Bump a source's version whenever its feature or
// label SQL changes meaning (a new column, another window, a label rule): rows of the old version stay readable for
// the models trained on them, and a rebuild never mixes the two.

export const ELEARNING_FEATURE_SET_VERSION = 1;
export const WALLET_FEATURE_SET_VERSION = 1;

export const ELEARNING_FEATURE_TABLE = "features.elearning_user_day";
export const WALLET_FEATURE_TABLE = "features.churn_weekly_features";
