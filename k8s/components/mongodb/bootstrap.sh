#!/bin/bash
# Runs beside mongod in every member. Only member 0 acts, and only once: it initiates the replica set and
# creates the root user through the localhost exception (no user exists yet, so only a local connection
# may). Later starts find the set initiated and do nothing.
set -euo pipefail
ordinal="${HOSTNAME##*-}"
if [ "$ordinal" != "0" ]; then exec sleep infinity; fi
until mongosh --quiet --eval 'db.adminCommand("ping").ok' >/dev/null 2>&1; do sleep 2; done
if mongosh --quiet --eval 'try { rs.status().ok } catch (e) { quit(e.codeName === "NotYetInitialized" ? 1 : 0) }'; then
  echo "replica set already initiated"
else
  mongosh --quiet --eval '
    rs.initiate({_id: "rs0", members: [0, 1, 2].map(i => ({_id: i, host: `mongodb-${i}.mongodb:27017`}))})'
  until mongosh --quiet --eval 'quit(db.hello().isWritablePrimary ? 0 : 1)'; do sleep 2; done
  mongosh --quiet admin --eval '
    db.createUser({user: process.env.MONGO_ROOT_USERNAME, pwd: process.env.MONGO_ROOT_PASSWORD,
                   roles: [{role: "root", db: "admin"}]})'
  echo "replica set rs0 initiated, root user created"
fi
exec sleep infinity
