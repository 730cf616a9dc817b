rule "aws-opensearch-enforce-https" {
  title     = "OpenSearch domain endpoint does not require HTTPS"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_opensearch_domain", "aws_elasticsearch_domain"]
  aliases   = ["CKV_AWS_83", "AVD-AWS-0046", "aws-elasticsearch-enforce-https"]

  description = <<-EOT
    Without `enforce_https` the domain endpoint also answers plain HTTP, so queries, results and
    credentials (basic-auth users of fine-grained access control, signed request headers) can be
    read or altered in transit. Requiring TLS is the customer's configuration under the shared
    responsibility model. The provider sets `enforce_https = true` when a
    `domain_endpoint_options` block is present without it, but a domain without the block gets
    the service default, which does not require HTTPS; so the rule asks for the block.
  EOT
  remediation = "Add `domain_endpoint_options { enforce_https = true, tls_security_policy = \"Policy-Min-TLS-1-2-2019-07\" }` to the domain."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain",
    "https://docs.aws.amazon.com/elasticsearch-service/latest/developerguide/es-data-protection.html",
  ]

  assert {
    attribute "domain_endpoint_options" {
      present = true
    }
    attribute "domain_endpoint_options.enforce_https" {
      equals  = true
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_opensearch_domain" "search" {  # expect: aws-opensearch-enforce-https
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
