import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { usePrincipal } from '../../auth/session';

/**
 * The client as a person reads it: the name from the register, with the id after it. Only a
 * coordinator and ops may read the register (GET /clients/{id}, audited as a read of personal
 * data); others, or a refusal, get the id alone.
 */
export function ClientName({ clientId }: { clientId: string }) {
  const { role } = usePrincipal();
  const mayRead = role === 'coordinator' || role === 'ops';
  const [name, setName] = useState<string>();
  useEffect(() => {
    if (!mayRead) return;
    let live = true;
    void api.GET('/clients/{id}', { params: { path: { id: clientId } } }).then(({ data }) => {
      if (live && data) setName(data.name);
    });
    return () => {
      live = false;
    };
  }, [clientId, mayRead]);
  return name ? (
    <>
      {name} <span className="werkplek-small">({clientId})</span>
    </>
  ) : (
    <>{clientId}</>
  );
}
