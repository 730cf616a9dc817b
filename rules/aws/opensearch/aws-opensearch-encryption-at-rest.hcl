rule "aws-opensearch-encryption-at-rest" {
  title     = "OpenSearch domain is not encrypted at rest"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_opensearch_domain", "aws_elasticsearch_domain"]
  aliases   = ["CKV_AWS_5", "AVD-AWS-0048", "aws-elasticsearch-enable-domain-encryption"]

  description = <<-EOT
    Search domains index copies of application data, logs and documents. Without encryption at
    rest, the indices, swap files, logs and automated snapshots of the domain are stored
    unencrypted. OpenSearch Service is managed by AWS, but enabling encryption is the customer's
    setting under the shared responsibility model. `encrypt_at_rest.enabled` is `false` when the
    block is omitted, and enabling it later on an existing domain may require a blue/green
    deployment. This rule applies to `aws_opensearch_domain` and the legacy
    `aws_elasticsearch_domain`.
  EOT
  remediation = "Add `encrypt_at_rest { enabled = true }` (optionally with `kms_key_id` for a customer-managed key)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain",
    "https://docs.aws.amazon.com/elasticsearch-service/latest/developerguide/encryption-at-rest.html",
  ]

  assert {
    attribute "encrypt_at_rest.enabled" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_opensearch_domain" "search" {  # expect: aws-opensearch-encryption-at-rest
        domain_name    = "search"
        engine_version = "OpenSearch_2.13"

        cluster_config {
          instance_type = "r6g.large.search"
        }

        ebs_options {
          ebs_enabled = true
          volume_size = 20
        }

      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_opensearch_domain" "search" {
        domain_name    = "search"
        engine_version = "OpenSearch_2.13"

        cluster_config {
          instance_type = "r6g.large.search"
        }

        ebs_options {
          ebs_enabled = true
          volume_size = 20
        }

        encrypt_at_rest {
          enabled = true
        }

        node_to_node_encryption {
          enabled = true
        }

        domain_endpoint_options {
          enforce_https       = true
          tls_security_policy = "Policy-Min-TLS-1-2-2019-07"
        }
      }
    EOT
  }
}
