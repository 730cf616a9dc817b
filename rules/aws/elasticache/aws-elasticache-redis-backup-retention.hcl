rule "aws-elasticache-redis-backup-retention" {
  title     = "ElastiCache Redis cluster keeps no automatic backups"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_elasticache_cluster", "aws_elasticache_replication_group"]
  aliases   = ["AVD-AWS-0050", "aws-elasticache-enable-backup-retention"]

  description = <<-EOT
    Redis and Valkey on ElastiCache are often used as a primary store (sessions, queues,
    leaderboards), not only as a cache. `snapshot_retention_limit` defaults to `0`, which takes
    no automatic snapshots, so a node failure without a replica, a `FLUSHALL` or a corrupting
    deployment loses the data for good. Memcached has no persistence and is not checked, nor are
    `cache.t1.micro` nodes, which cannot take snapshots. Backups are the customer's setting
    under the shared responsibility model. Severity is medium: no exposure, but no recovery.
  EOT
  remediation = <<-EOT
    Keep automatic snapshots for a few days:

    ```hcl
    resource "aws_elasticache_replication_group" "sessions" {
      # ...
      snapshot_retention_limit = 5
      snapshot_window          = "03:00-05:00"
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_cluster#snapshot_retention_limit",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group#snapshot_retention_limit",
    "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/backups-automatic.html",
  ]

  when {
    attribute "engine" {
      not_equals = "memcached"
      default    = "redis"
    }
    # A cluster that joins a replication group names no node type of its own (it takes it,
    # and its backups, from the group), so it is out of scope here.
    attribute "node_type" {
      not_equals = "cache.t1.micro"
    }
  }

  assert {
    attribute "snapshot_retention_limit" {
      gt      = 0
      default = 0
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_elasticache_cluster" "sessions" {  # expect: aws-elasticache-redis-backup-retention
        cluster_id      = "sessions"
        engine          = "redis"
        node_type       = "cache.t4g.small"
        num_cache_nodes = 1
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_elasticache_replication_group" "sessions" {
        replication_group_id     = "sessions"
        description              = "session store"
        node_type                = "cache.r7g.large"
        num_cache_clusters       = 2
        snapshot_retention_limit = 0  # expect: aws-elasticache-redis-backup-retention
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_elasticache_replication_group" "sessions" {
        replication_group_id     = "sessions"
        description              = "session store"
        node_type                = "cache.r7g.large"
        num_cache_clusters       = 2
        snapshot_retention_limit = 5
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_elasticache_replication_group" "sessions" {
        replication_group_id     = "sessions"
        description              = "session store"
        node_type                = "cache.r7g.large"
        num_cache_clusters       = 1
        snapshot_retention_limit = 3
      }

      resource "aws_elasticache_cluster" "replica" {
        cluster_id           = "sessions-2"
        replication_group_id = aws_elasticache_replication_group.sessions.id
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_elasticache_cluster" "pages" {
        cluster_id      = "pages"
        engine          = "memcached"
        node_type       = "cache.t4g.small"
        num_cache_nodes = 2
      }
    EOT
  }
}
