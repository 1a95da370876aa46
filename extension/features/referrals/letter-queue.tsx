import { useState } from 'preact/hooks';
import type { Letter } from '../../../shared/schemas/referral-letters';
import { api, call } from '../../api/client';
import { SearchList } from '../../ui/search-list';
import { usePagedList } from '../../ui/use-paged-list';
import { LetterRow } from './letter-rows';

/** Letters waiting for review (or already sent), newest first. */
export function LetterQueue(props: { onOpen: (id: string) => void }) {
  const [status, setStatus] = useState<'queued' | 'sent'>('queued');
  const list = usePagedList({ status }, (filters, cursor) =>
    call(api['referral-letters'].$get({ query: { limit: '50', status: filters.status, cursor } })),
  );
  return (
    <SearchList<Letter>
      list={list}
      label="Letters"
      testId="letter-queue"
      empty={
        status === 'queued'
          ? 'No letters waiting. Letters queue themselves when a referral arrives, a consultation is recorded or treatment starts.'
          : 'No letters sent yet.'
      }
      filters={
        <div class="filters">
          <label for="letter-status">Show</label>
          <select
            id="letter-status"
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value === 'sent' ? 'sent' : 'queued')}
          >
            <option value="queued">Waiting to be sent</option>
            <option value="sent">Sent</option>
          </select>
        </div>
      }
      row={(l) => <LetterRow key={l.id} letter={l} onOpen={props.onOpen} showProvider />}
    />
  );
}
