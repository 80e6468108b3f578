// The commit warm-up's last transaction: its nodes gone, with any a replica that stopped
// half-way through its warm-up left behind (older than $stale_s seconds).
MATCH (w:PathwaysWarmUp)
WHERE w.key STARTS WITH $key OR w.at < datetime() - duration({seconds: $stale_s})
DETACH DELETE w
