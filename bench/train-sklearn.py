"""scikit-learn side of `npm run bench -- train` (run by bench/train.ts with Debian's /usr/bin/python3).

Reads the problem bench/train.ts wrote to DIR (x.f64: float64 column-major rows×cols, y.u8, meta.json), times
  l2:   LogisticRegression(C, solver="lbfgs") (scikit-learn's default solver and tol), `repeats` times;
  grid: for each l1_ratio, LogisticRegression(penalty="elasticnet", solver="saga", warm_start=True) over the Cs in
        increasing order (the same warm-started path churnops walks), timed as a whole;
and prints JSON with the seconds and the fitted coefficients; bench/train.ts scores both sides with the same code.
Only .fit() is timed (wall and process CPU seconds, all threads); the matrix is handed over C-contiguous, the layout sklearn converts to anyway.
"""
import json
import sys
import time
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

directory = sys.argv[1]
meta = json.load(open(f"{directory}/meta.json"))
rows, cols = meta["rows"], meta["cols"]
X = np.ascontiguousarray(np.fromfile(f"{directory}/x.f64", dtype="<f8").reshape(cols, rows).T)
y = np.fromfile(f"{directory}/y.u8", dtype=np.uint8).astype(np.int64)
out = {"sklearn": sklearn.__version__, "numpy": np.__version__}

l2 = []
for _ in range(meta["repeats"]):
    model = LogisticRegression(C=meta["C"], max_iter=10_000)
    t0, c0 = time.perf_counter(), time.process_time()
    model.fit(X, y)
    l2.append({"seconds": time.perf_counter() - t0, "cpu": time.process_time() - c0, "n_iter": int(model.n_iter_[0])})
out["l2"] = {"runs": l2, "coef": model.coef_[0].tolist(), "intercept": float(model.intercept_[0])}

if meta.get("grid"):
    fits = []
    total = 0.0
    cpu = 0.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)  # saga stops at max_iter on the small-penalty end
        for l1_ratio in meta["l1_ratios"]:
            model = LogisticRegression(penalty="elasticnet", solver="saga", l1_ratio=l1_ratio, warm_start=True)
            for C in sorted(meta["Cs"]):
                model.set_params(C=C)
                t0, c0 = time.perf_counter(), time.process_time()
                model.fit(X, y)
                seconds = time.perf_counter() - t0
                total += seconds
                cpu += time.process_time() - c0
                fits.append({"C": C, "l1_ratio": l1_ratio, "seconds": seconds, "n_iter": int(model.n_iter_[0]),
                             "coef": model.coef_[0].tolist(), "intercept": float(model.intercept_[0])})
    out["grid"] = {"seconds": total, "cpu": cpu, "fits": fits}

json.dump(out, sys.stdout)
