import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../../test/support/browser';

/**
 * Opens a local HTML file in Debian's Chromium (headless, fresh profile,
 * nothing reaching the network) and saves a PNG of its first screenful at an
 * email client's width.
 */
export async function screenshotPage(htmlFile: string, pngFile: string): Promise<void> {
  const browser = await launchBrowser({ viewport: { width: 760, height: 1400 } });
  try {
    const page = await browser.context.newPage();
    await page.goto(pathToFileURL(htmlFile).href);
    await page.screenshot({ path: pngFile });
  } finally {
    await browser.close();
  }
}
