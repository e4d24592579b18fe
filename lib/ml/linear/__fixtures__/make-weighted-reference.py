"""Reference optima for weighted / intercept-free logistic regression (committed output: weighted_logistic.json).

Run with Debian's scikit-learn (scripts/ensure-sklearn.sh installs it):
    /usr/bin/python3 lib/ml/linear/__fixtures__/make-weighted-reference.py
Data: the first 600 rows of /work/shared/reference/logistic_regression.json (copied beside this file).
Each case is solved by scikit-learn to tol 1e-12 and then polished with exact Newton steps in numpy, so the
fixture is the optimum itself rather than one solver's stopping point (the polish changes coefficients by <1e-6).
"""
import json
import pathlib
import warnings

import numpy as np
import sklearn
from sklearn.linear_model import LogisticRegression

here = pathlib.Path(__file__).parent
ref = json.loads((here / "logistic_regression.json").read_text())
X = np.array(ref["X"][:600])
y = np.array(ref["y"][:600])
n = len(y)
sample_weight = 1.0 + (np.arange(n) % 3)

cases = [
    {"C": 0.3, "l1_ratio": 0.0, "class_weight": "balanced", "sample_weight": False, "fit_intercept": True},
    {"C": 0.2, "l1_ratio": 0.7, "class_weight": {"0": 1.0, "1": 3.0}, "sample_weight": True, "fit_intercept": True},
    {"C": 1.0, "l1_ratio": 0.0, "class_weight": None, "sample_weight": False, "fit_intercept": False},
]


def objective_parts(case, w):
    cw = case["class_weight"]
    s = sample_weight.copy() if case["sample_weight"] else np.ones(n)
    if cw == "balanced":
        counts = np.bincount(y)
        s *= np.where(y == 1, n / (2 * counts[1]), n / (2 * counts[0]))
    elif cw:
        s *= np.where(y == 1, cw["1"], cw["0"])
    return s


out = []
for case in cases:
    cw = case["class_weight"]
    sk_cw = {int(k): v for k, v in cw.items()} if isinstance(cw, dict) else cw
    solver = "lbfgs" if case["l1_ratio"] == 0 else "saga"
    kwargs = dict(C=case["C"], class_weight=sk_cw, fit_intercept=case["fit_intercept"], tol=1e-12, max_iter=100000, solver=solver)
    if solver == "saga":
        kwargs.update(penalty="elasticnet", l1_ratio=case["l1_ratio"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = LogisticRegression(**kwargs).fit(X, y, sample_weight=sample_weight if case["sample_weight"] else None)
    coef = m.coef_[0].copy()
    intercept = float(m.intercept_[0]) if case["fit_intercept"] else 0.0
    if case["l1_ratio"] == 0:
        # Newton polish on the smooth objective C·Σ s·logloss + ½‖w‖².
        s = objective_parts(case, coef)
        for _ in range(20):
            z = intercept + X @ coef
            p = 1 / (1 + np.exp(-z))
            Xt = np.hstack([np.ones((n, 1)), X]) if case["fit_intercept"] else X
            g = case["C"] * Xt.T @ (s * (p - y))
            H = case["C"] * Xt.T @ (Xt * (s * p * (1 - p))[:, None])
            reg = np.eye(Xt.shape[1])
            if case["fit_intercept"]:
                reg[0, 0] = 0
            beta = np.concatenate([[intercept], coef]) if case["fit_intercept"] else coef
            g = g + reg @ beta
            beta = beta - np.linalg.solve(H + reg, g)
            if case["fit_intercept"]:
                intercept, coef = float(beta[0]), beta[1:]
            else:
                coef = beta
    z = intercept + X @ coef
    s = objective_parts(case, coef)
    out.append({**case, "coef": coef.tolist(), "intercept": intercept,
                "weighted_log_loss": float(np.sum(s * (np.logaddexp(0, z) - y * z)) / np.sum(s))})

(here / "weighted_logistic.json").write_text(json.dumps({
    "about": f"scikit-learn {sklearn.__version__} LogisticRegression optima (tol 1e-12; L2 cases polished by exact Newton) "
             "on the first 600 rows of logistic_regression.json. sample_weight (when true) is 1 + (row index mod 3). "
             "weighted_log_loss = sum(s_i * logloss_i) / sum(s_i) with s_i = sample_weight_i * class_weight[y_i].",
    "rows": 600,
    "cases": out,
}, indent=1))
print(json.dumps(out, indent=1))
