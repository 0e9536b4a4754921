// Publish rehearsal: starts the installed @org/plume-simulator on port 0, fetches a token and one
// API resource with the global fetch, and closes it.
export default async function smoke(lib, kind) {
  const sim = await lib.startSimulator({ port: 0 });
  try {
    const tokenResponse = await fetch(sim.ssoUrl, {
      method: 'POST',
      headers: { authorization: sim.credentials.authorization, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope: `partnerId:${sim.credentials.partnerId} role:partnerIdAdmin`,
      }),
    });
    const token = await tokenResponse.json();
    if (tokenResponse.status !== 200 || typeof token.access_token !== 'string') {
      throw new Error(`plume-simulator smoke: token request failed (${tokenResponse.status})`);
    }
    const { customerId, id } = lib.fixtures.locations.adaHome;
    const nodes = await fetch(`${sim.apiBase}Customers/${customerId}/locations/${id}/nodes`, {
      headers: { authorization: `Bearer ${token.access_token}` },
    });
    const body = await nodes.json();
    if (nodes.status !== 200 || !Array.isArray(body.nodes) || body.nodes.length === 0) {
      throw new Error(`plume-simulator smoke: nodes request failed (${nodes.status})`);
    }
    return `${kind}: token + nodes from ${sim.url} OK`;
  } finally {
    await sim.close();
  }
}
