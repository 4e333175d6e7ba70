// Options shared by several commands.
import { Option } from 'commander';

export function engineOption(): Option {
  return new Option('--engine <engine>', 'PowerShell host: auto, pwsh, powershell, embedded, or a path').default('auto');
}
