console.log('npm start is not yet available: it arrives with the start issue.');
