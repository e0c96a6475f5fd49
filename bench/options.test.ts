import { benchOptions } from './options';

describe("a bench command's options", () => {
  it('takes the defaults for what is not given', () => {
    expect(benchOptions([], { minutes: '10' })).toEqual({ minutes: '10' });
  });

  it('takes the value given after the option', () => {
    expect(benchOptions(['--seconds', '2', '--label', 'after'], { seconds: '4', label: 'latest' })).toEqual({ seconds: '2', label: 'after' });
  });

  it('refuses an option it does not know, rather than ignore it', () => {
    expect(() => benchOptions(['--minute', '5'], { minutes: '10' })).toThrow(/Unknown option '--minute'/);
  });

  it('refuses an option without its value', () => {
    expect(() => benchOptions(['--records'], { records: '10000' })).toThrow(/argument missing/);
  });
});
