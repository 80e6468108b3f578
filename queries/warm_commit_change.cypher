// The commit warm-up's second transaction: a changed text, as a new version of a
// credential changes its search text.
MATCH (w:PathwaysWarmUp {key: $key})
SET w.text = $text
