-- Every server action and API request first takes a token (lib/rate-limit/take-token.ts): one statement that commits
-- on its own, so on a logged table each request waited for a WAL flush before its real work began. The buckets are
-- throttling state, not records: UNLOGGED skips the WAL, so taking a token no longer waits for the disk. A crash (or
-- a failover to a replica, which does not receive unlogged tables) empties the table, and every user starts again
-- with a full bucket, which is what a new user gets anyway. Sign-in failures and locks are kept elsewhere (logged).
ALTER TABLE "rate_limit_bucket" SET UNLOGGED;
