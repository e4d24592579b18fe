"""scikit-learn side of `npm run bench -- gbdt` (run by bench/gbdt.ts with Debian's /usr/bin/python3).

Reads DIR/train.f64 and DIR/test.f64 (float64 column-major, shapes in DIR/meta.json), DIR/train.y and DIR/test.y
(uint8), and meta.json's params and score_rows; fits HistGradientBoostingClassifier(**params) on the training rows
(timed: wall and process CPU, all threads; then again on one thread through threadpoolctl), writes the test rows' decision_function to DIR/sk_test.f64, and times
decision_function on score_rows rows made by repeating the test rows (row i = test row i mod test rows, as the
TypeScript side does), median of `repeats`.
"""
import json
import statistics
import sys
import time

import numpy as np
import sklearn
from sklearn.ensemble import HistGradientBoostingClassifier
from threadpoolctl import threadpool_limits

directory = sys.argv[1]
meta = json.load(open(f"{directory}/meta.json"))


def matrix(name):
    rows, cols = meta[name]["rows"], meta[name]["cols"]
    return np.ascontiguousarray(np.fromfile(f"{directory}/{name}.f64", dtype="<f8").reshape(cols, rows).T)


X_train, X_test = matrix("train"), matrix("test")
y_train = np.fromfile(f"{directory}/train.y", dtype=np.uint8).astype(np.int64)
model = HistGradientBoostingClassifier(**meta["params"])
t0, c0 = time.perf_counter(), time.process_time()
model.fit(X_train, y_train)
fit_seconds, fit_cpu = time.perf_counter() - t0, time.process_time() - c0
with threadpool_limits(limits=1):
    t0, c0 = time.perf_counter(), time.process_time()
    HistGradientBoostingClassifier(**meta["params"]).fit(X_train, y_train)
    fit1_seconds, fit1_cpu = time.perf_counter() - t0, time.process_time() - c0
model.decision_function(X_test).astype("<f8").tofile(f"{directory}/sk_test.f64")
X_score = np.ascontiguousarray(X_test[np.arange(meta["score_rows"]) % X_test.shape[0]])
score_seconds = []
for _ in range(meta["repeats"]):
    t0 = time.perf_counter()
    model.decision_function(X_score)
    score_seconds.append(time.perf_counter() - t0)
json.dump({"sklearn": sklearn.__version__, "fit_seconds": fit_seconds, "fit_cpu": fit_cpu,
           "fit1_seconds": fit1_seconds, "fit1_cpu": fit1_cpu,
           "score_seconds": statistics.median(score_seconds), "n_iter": int(model.n_iter_)}, sys.stdout)
