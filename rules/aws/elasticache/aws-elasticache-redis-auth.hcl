rule "aws-elasticache-redis-auth" {
  title     = "ElastiCache replication group accepts clients without authentication"
  severity  = "high"
  area      = "identity-access"
  resources = ["aws_elasticache_replication_group"]
  aliases   = ["CKV_AWS_31"]

  description = <<-EOT
    A Redis OSS or Valkey replication group without an `auth_token` (Redis AUTH) and without
    `user_group_ids` (role-based access control) lets any client that reaches its port read,
    change and flush every key: session tokens, cached personal data, rate-limit counters. The
    only barrier left is the security group, so one over-broad rule, a peered VPC or a
    compromised host in the subnet is enough. Neither argument has a default. Who may connect to
    the cache is the customer's side of the shared responsibility model. High: no authentication
    at all on a data store. Both forms need `transit_encryption_enabled = true`, so the token is
    not sent in the clear.
  EOT
  remediation = <<-EOT
    Require authentication, preferably with RBAC user groups (or an AUTH token from Secrets
    Manager):

        resource "aws_elasticache_replication_group" "sessions" {
          # ...
          transit_encryption_enabled = true
          user_group_ids             = [aws_elasticache_user_group.app.id]
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group#auth_token",
    "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/auth.html",
    "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/Clusters.RBAC.html",
  ]

  assert {
    any {
      attribute "auth_token" {
        present = true
      }
      attribute "user_group_ids" {
        length_gte = 1
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_elasticache_replication_group" "sessions" {  # expect: aws-elasticache-redis-auth
        replication_group_id       = "sessions"
        description                = "session store"
        node_type                  = "cache.t4g.small"
        num_cache_clusters         = 2
        at_rest_encryption_enabled = true
        transit_encryption_enabled = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "redis_auth_token" {
        type      = string
        sensitive = true
      }
      resource "aws_elasticache_replication_group" "sessions" {
        replication_group_id       = "sessions"
        description                = "session store"
        node_type                  = "cache.t4g.small"
        num_cache_clusters         = 2
        at_rest_encryption_enabled = true
        transit_encryption_enabled = true
        auth_token                 = var.redis_auth_token
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_elasticache_user_group" "app" {
        engine        = "redis"
        user_group_id = "app"
        user_ids      = ["default-disabled", "app"]
      }
      resource "aws_elasticache_replication_group" "cache" {
        replication_group_id       = "cache"
        description                = "application cache"
        node_type                  = "cache.t4g.small"
        num_cache_clusters         = 2
        transit_encryption_enabled = true
        user_group_ids             = [aws_elasticache_user_group.app.id]
      }
    EOT
  }
}
