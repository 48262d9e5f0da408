// Runs once, when the compose stack's MongoDB starts on an empty volume (docker-entrypoint-initdb.d):
// one user per service, allowed to read and write its own database only. Passwords come from .env
// (see ops/make-env.sh); the root account (MONGO_INITDB_ROOT_*) is for administration only.
for (const service of ['intake', 'triage', 'followup', 'analytics']) {
  const variable = service.toUpperCase() + '_DB_PASSWORD';
  const password = process.env[variable];
  if (!password) {
    throw new Error(variable + ' is not set: create .env with ops/make-env.sh');
  }
  db.getSiblingDB(service).createUser({ user: service, pwd: password, roles: [{ role: 'readWrite', db: service }] });
}
