// Custom code of the SDK (README, "Custom code"): merged by docs-to-sdk into the generated
// ManagementClient on every generation. Imports are written as if this file sat in the
// SDK's src/ folder.
import type { ListAllWebhooksDto, WebhookDto } from './models/index.js';

/** The largest page listWebhooks serves. */
const MAX_PAGE_SIZE = 50;

export class ManagementClient {
  /**
   * Every webhook of the user pool, one by one: listWebhooks page after page until the
   * pages hold no more (by the total count, or a short page).
   */
  async *listAllWebhooks(request: ListAllWebhooksDto = {}): AsyncGenerator<WebhookDto> {
    const limit = pageSize(request.limit);
    let seen = 0;
    for (let page = 1; ; page += 1) {
      const { data } = await this.listWebhooks({ page, limit });
      const list = data?.list ?? [];
      yield* list;
      seen += list.length;
      if (list.length < limit || seen >= (data?.totalCount ?? 0)) return;
    }
  }
}

function pageSize(limit: number | undefined): number {
  return Math.min(Math.max(Math.trunc(limit ?? MAX_PAGE_SIZE), 1), MAX_PAGE_SIZE);
}
