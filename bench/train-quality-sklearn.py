"""scikit-learn side of `npm run bench -- train-quality` (run by bench/train-quality.ts with Debian's /usr/bin/python3).

Reads the exact matrices a churnops training run used, written to DIR by bench/train-quality.ts (train.f64 and
test.f64: float64 column-major rows x cols; train.y / test.y: uint8; meta.json with the shapes and the run's best
C / l1_ratio), fits on the training rows only
  lbfgs:        LogisticRegression() (sklearn's defaults: L2, C=1, lbfgs), max_iter raised so it converges;
  lbfgs_best_c: the same at the run's best C (L2 only: lbfgs has no L1 part);
  saga:         LogisticRegression(penalty="elasticnet", solver="saga", C=best C, l1_ratio=best l1_ratio);
scores the test rows with sklearn's roc_auc_score and average_precision_score and prints JSON.
"""
import json
import sys
import time
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, roc_auc_score

directory = sys.argv[1]
meta = json.load(open(f"{directory}/meta.json"))


def matrix(name):
    rows, cols = meta[name]["rows"], meta[name]["cols"]
    x = np.ascontiguousarray(np.fromfile(f"{directory}/{name}.f64", dtype="<f8").reshape(cols, rows).T)
    y = np.fromfile(f"{directory}/{name}.y", dtype=np.uint8).astype(np.int64)
    return x, y


X, y = matrix("train")
Xt, yt = matrix("test")
out = {"sklearn": sklearn.__version__}


def fit(name, model):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ConvergenceWarning)
        t0 = time.perf_counter()
        model.fit(X, y)
        seconds = time.perf_counter() - t0
    p = model.predict_proba(Xt)[:, 1]
    out[name] = {
        "roc_auc": roc_auc_score(yt, p), "pr_auc": average_precision_score(yt, p), "seconds": seconds,
        "n_iter": int(model.n_iter_[0]), "converged": not any(issubclass(w.category, ConvergenceWarning) for w in caught),
        "C": model.C, "l1_ratio": model.l1_ratio,
    }


fit("lbfgs", LogisticRegression(max_iter=10_000))
fit("lbfgs_best_c", LogisticRegression(C=meta["C"], max_iter=10_000))
fit("saga", LogisticRegression(penalty="elasticnet", solver="saga", C=meta["C"], l1_ratio=meta["l1_ratio"], max_iter=meta["saga_max_iter"]))
json.dump(out, sys.stdout)
