"""scikit-learn side of `npm run bench -- gbdt` (run by bench/gbdt.ts with Debian's /usr/bin/python3).

Reads DIR/x.f64 (float64 column-major rows x cols), DIR/y.u8 and DIR/meta.json (train_rows, params); fits
HistGradientBoostingClassifier(**params) on the first train_rows rows (fit timed: wall and process CPU, all threads),
times decision_function on all rows, and writes the held-out rows' decision_function to DIR/sk_scores.f64.
"""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier

directory = sys.argv[1]
meta = json.load(open(f"{directory}/meta.json"))
rows, cols, train_rows = meta["rows"], meta["cols"], meta["train_rows"]
X = np.ascontiguousarray(np.fromfile(f"{directory}/x.f64", dtype="<f8").reshape(cols, rows).T)
y = np.fromfile(f"{directory}/y.u8", dtype=np.uint8).astype(np.int64)
model = HistGradientBoostingClassifier(**meta["params"])
t0, c0 = time.perf_counter(), time.process_time()
model.fit(X[:train_rows], y[:train_rows])
fit_seconds, fit_cpu = time.perf_counter() - t0, time.process_time() - c0
t0 = time.perf_counter()
scores = model.decision_function(X)
score_seconds = time.perf_counter() - t0
scores[train_rows:].astype("<f8").tofile(f"{directory}/sk_scores.f64")
json.dump({"sklearn": sklearn.__version__, "fit_seconds": fit_seconds, "fit_cpu": fit_cpu,
           "score_seconds": score_seconds, "n_iter": int(model.n_iter_)}, sys.stdout)
