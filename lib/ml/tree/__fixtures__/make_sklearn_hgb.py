# Generates sklearn_hgb.json: a 600 x 4 problem (feature 2 has 10% missing, and missing means positive more often)
# and scikit-learn's HistGradientBoostingClassifier decision_function on it, for fit-gradient-boosting.test.ts.
# Run with Debian's python3-sklearn: /usr/bin/python3 make_sklearn_hgb.py
import json
import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier

rng = np.random.RandomState(0)
n = 600
X = rng.uniform(-1, 1, size=(n, 4)).round(3)
X[rng.uniform(size=n) < 0.1, 2] = np.nan
logit = 2.5 * (X[:, 0] * X[:, 1] > 0) - 1.2 + 1.5 * np.nan_to_num(X[:, 3]) + 2.0 * np.isnan(X[:, 2])
y = (rng.uniform(size=n) < 1 / (1 + np.exp(-logit))).astype(int)
params = dict(learning_rate=0.3, max_iter=8, max_leaf_nodes=8, max_depth=4, min_samples_leaf=10,
              l2_regularization=0.5, early_stopping=False, random_state=0)
model = HistGradientBoostingClassifier(**params).fit(X, y)
out = {
    "about": f"scikit-learn {sklearn.__version__} HistGradientBoostingClassifier({params}) fitted on X, y; "
             "decision_function(X) and each tree's leaf count. X rows with null = missing.",
    "X": [[None if np.isnan(v) else float(v) for v in row] for row in X],
    "y": y.tolist(),
    "params": params,
    "decision_function": model.decision_function(X).tolist(),
    "leaves_per_tree": [int(p[0].get_n_leaf_nodes()) for p in model._predictors],
}
json.dump(out, open("sklearn_hgb.json", "w"))
