rule "aws-opensearch-node-to-node-encryption" {
  title     = "OpenSearch domain does not encrypt traffic between its nodes"
  severity  = "medium"
  area      = "data-protection"
  resources = ["aws_opensearch_domain", "aws_elasticsearch_domain"]
  aliases   = ["CKV_AWS_6", "AVD-AWS-0043", "aws-elasticsearch-enable-in-transit-encryption"]

  description = <<-EOT
    Nodes of a domain exchange index data and search results with each other. Without
    node-to-node encryption this traffic crosses the VPC in plaintext, where a compromised host or
    traffic mirroring can capture it. Node-to-node encryption is also required for fine-grained
    access control. The setting is the customer's under the shared responsibility model.
    `node_to_node_encryption.enabled` is `false` when the block is omitted.
  EOT
  remediation = "Add `node_to_node_encryption { enabled = true }` to the domain."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain",
    "https://docs.aws.amazon.com/elasticsearch-service/latest/developerguide/ntn.html",
  ]

  assert {
    attribute "node_to_node_encryption.enabled" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_opensearch_domain" "search" {  # expect: aws-opensearch-node-to-node-encryption
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
