rule "aws-elasticache-encryption-at-rest" {
  title     = "ElastiCache replication group is not encrypted at rest"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_elasticache_replication_group"]
  aliases   = ["CKV_AWS_29", "AVD-AWS-0045", "aws-elasticache-enable-at-rest-encryption"]

  description = <<-EOT
    At-rest encryption protects the data ElastiCache writes to disk: backups and snapshots
    exported to S3, swap and data-tiering storage. Caches commonly hold session tokens, user
    profiles and query results copied from encrypted databases, so an unencrypted snapshot undoes
    the protection of the source. ElastiCache is managed by AWS, but the encryption setting is
    the customer's under the shared responsibility model, and it can only be chosen when the
    group is created. `at_rest_encryption_enabled` defaults to `false` for the `redis` engine
    (the default engine) and to `true` for `valkey`.
  EOT
  remediation = "Set `at_rest_encryption_enabled = true` (optionally with `kms_key_id`) when creating the replication group; an existing group must be recreated from a backup."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group",
    "https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/at-rest-encryption.html",
  ]

  assert {
    any {
      attribute "at_rest_encryption_enabled" {
        equals  = true
        default = false
      }
      all {
        attribute "engine" {
          equals  = "valkey"
          default = "redis"
        }
        not {
          attribute "at_rest_encryption_enabled" {
            equals = false
          }
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_elasticache_replication_group" "sessions" {  # expect: aws-elasticache-encryption-at-rest
        replication_group_id = "sessions"
        description          = "Session store"
        node_type            = "cache.t4g.small"
        num_cache_clusters   = 2
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_elasticache_replication_group" "sessions" {
        replication_group_id       = "sessions"
        description                = "Session store"
        engine                     = "valkey"
        node_type                  = "cache.t4g.small"
        num_cache_clusters         = 2
        at_rest_encryption_enabled = false  # expect: aws-elasticache-encryption-at-rest
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_elasticache_replication_group" "sessions" {
        replication_group_id       = "sessions"
        description                = "Session store"
        node_type                  = "cache.t4g.small"
        num_cache_clusters         = 2
        at_rest_encryption_enabled = true
        transit_encryption_enabled = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_elasticache_replication_group" "sessions" {
        replication_group_id = "sessions"
        description          = "Session store"
        engine               = "valkey"
        node_type            = "cache.t4g.small"
        num_cache_clusters   = 2
      }
    EOT
  }
}
