import { Module } from '@nestjs/common';
import { PlaybookCatalogueService } from './playbook-catalogue.service';

/** The playbook catalogue alone, so engagements can check playbook names without the follow-up machinery. */
@Module({
  providers: [PlaybookCatalogueService],
  exports: [PlaybookCatalogueService],
})
export class PlaybooksModule {}
