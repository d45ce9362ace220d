insert into load_batch (command, started_at) values (@Command, @StartedAt) returning batch_key;
