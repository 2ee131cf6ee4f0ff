import { join } from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../core/config/app-config';
import { ValidationFailed } from '../core/errors/domain-error';
import type { Playbook, PlaybookCatalogue } from './domain/playbook.types';
import { playbookFieldErrors, validatePlaybook } from './domain/playbook.validator';
import { DEFAULT_PLAYBOOK, loadPlaybooks } from './playbook.loader';

/**
 * The playbooks in `config/playbooks/`, read and validated once at start-up
 * (a bad file stops start-up, naming file, line and field), and the one in
 * force for an engagement: its own override, else the named playbook.
 */
@Injectable()
export class PlaybookCatalogueService {
  private readonly logger = new Logger('Playbooks');
  readonly catalogue: PlaybookCatalogue;

  constructor(config: AppConfig) {
    this.catalogue = loadPlaybooks(join(config.configDir, 'playbooks'));
  }

  has(name: string): boolean {
    return this.catalogue.has(name);
  }

  names(): string[] {
    return [...this.catalogue.keys()].sort();
  }

  get(name: string): Playbook | undefined {
    return this.catalogue.get(name);
  }

  /** The playbook in force for an engagement. */
  effective(engagement: { id: string; playbook: string; playbookOverride: string | null }): Playbook {
    if (engagement.playbookOverride !== null) {
      const validation = validatePlaybook(
        `engagement ${engagement.id}`,
        JSON.parse(engagement.playbookOverride),
      );
      if (validation.ok) return validation.playbook;
      // Validated when stored; only a playbook format change could get here. Fall back, loudly.
      this.logger.error({
        msg: 'stored playbook override no longer valid; using the named playbook',
        engagementId: engagement.id,
      });
    }
    return this.catalogue.get(engagement.playbook) ?? (this.catalogue.get(DEFAULT_PLAYBOOK) as Playbook);
  }

  /** Checks an override given through the API; 400 with a message per field when it is not a playbook. */
  validateOverride(engagementId: string, value: unknown): Playbook {
    const validation = validatePlaybook(`engagement ${engagementId}`, value);
    if (!validation.ok)
      throw new ValidationFailed(playbookFieldErrors(validation.problems), 'The playbook is not valid.');
    return validation.playbook;
  }
}
