import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { devKeyFiles, mintDevToken, type DevTokenRequest } from './stack/dev-keys';
import { dataDir } from './stack/paths';

const USAGE = `Mints a bearer token for the local stack, signed with its dev key (.data/dev-keys).

  npm run token -- --role coordinator --sub coord-anna --municipality 0957 [--municipality 0988]
  npm run token -- --role team-lead   --sub lead-bram  --municipality 0957
  npm run token -- --role provider    --sub zorg-1     --agb 12345678
  npm run token -- --role ops         --sub ops-carla
  npm run token -- --role veilig-thuis --sub vt-dewi --org vt-limburg
  npm run token -- --role gi          --sub gi-eva     --org gi-jbl
  options: --ttl <seconds> (default 28800)

Prints the token only, so it can go straight into a variable:
  TOKEN=$(npm run -s token -- --role ops --sub ops-carla)
  curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:3000/trajectories`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string' },
      sub: { type: 'string' },
      municipality: { type: 'string', multiple: true },
      agb: { type: 'string' },
      org: { type: 'string' },
      ttl: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  const roles = ['coordinator', 'team-lead', 'provider', 'ops', 'veilig-thuis', 'gi'];
  if (values.help || !values.role || !roles.includes(values.role)) {
    console.error(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const { privateKeyFile } = devKeyFiles(dataDir());
  if (!existsSync(privateKeyFile)) {
    console.error(`No dev key at ${privateKeyFile}: start the local stack once (npm start).`);
    process.exit(1);
  }
  const dataScope = [
    ...(values.municipality ?? []).map((code) => `municipality:${code}`),
    ...(values.agb ? [`agb:${values.agb}`] : []),
    ...(values.org ? [`org:${values.org}`] : []),
  ];
  const request: DevTokenRequest = {
    role: values.role as DevTokenRequest['role'],
    sub: values.sub ?? `${values.role}-dev`,
    dataScope,
    ...(values.ttl ? { ttlSeconds: Number(values.ttl) } : {}),
  };
  process.stdout.write(`${await mintDevToken(privateKeyFile, request)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
