import { Verify } from './verify';

export default function Page() {
  return (
    <main>
      <h1>Verify your identity</h1>
      <Verify />
    </main>
  );
}
