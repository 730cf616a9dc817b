rule "aws-elasticache-encryption-in-transit" {
  title     = "ElastiCache replication group does not require encryption in transit"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_elasticache_replication_group"]
  aliases   = ["CKV_AWS_30", "AVD-AWS-0051", "aws-elasticache-enable-in-transit-encryption"]

  description = <<-EOT
    Without in-transit encryption, clients talk to the cache in plaintext: anyone who can capture
    traffic in the VPC (a compromised host, a mirrored interface, a misrouted peering connection)
    sees the cached data and any AUTH token sent with it. TLS also is a prerequisite for AUTH
    tokens and role-based access control. The setting is the customer's under the shared
    responsibility model. `transit_encryption_enabled` must be set to `true`; a
    `transit_encryption_mode` of `preferred` (which still accepts unencrypted connections during a
    migration) is not accepted as the final state.
  EOT
  remediation = "Set `transit_encryption_enabled = true` (with `transit_encryption_mode = \"required\"` once clients use TLS) and configure clients to connect with TLS."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/elasticache_replication_group",
    "https://docs.aws.amazon.com/AmazonElastiCache/latest/red-ug/in-transit-encryption.html",
  ]

  assert {
    attribute "transit_encryption_enabled" {
      equals = true
    }
    not {
      attribute "transit_encryption_mode" {
        equals = "preferred"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_elasticache_replication_group" "sessions" {  # expect: aws-elasticache-encryption-in-transit
        replication_group_id       = "sessions"
        description                = "Session store"
        node_type                  = "cache.t4g.small"
        num_cache_clusters         = 2
        at_rest_encryption_enabled = true
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_elasticache_replication_group" "sessions" {
        replication_group_id       = "sessions"
        description                = "Session store"
        node_type                  = "cache.t4g.small"
        num_cache_clusters         = 2
        at_rest_encryption_enabled = true
        transit_encryption_enabled = true
        transit_encryption_mode    = "preferred"  # expect: aws-elasticache-encryption-in-transit
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
}
