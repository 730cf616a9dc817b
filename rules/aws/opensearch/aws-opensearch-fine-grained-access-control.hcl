rule "aws-opensearch-fine-grained-access-control" {
  title     = "OpenSearch domain has no fine-grained access control, or allows anonymous access"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_opensearch_domain", "aws_elasticsearch_domain"]

  description = <<-EOT
    Without fine-grained access control (`advanced_security_options.enabled`, off by default) a
    domain decides access only through its resource policy: whoever the policy admits can read and
    write every index, and OpenSearch Dashboards has no users of its own. Fine-grained access
    control adds authenticated users and roles with index-, document- and field-level
    permissions. With `anonymous_auth_enabled = true` the domain also lets unauthenticated
    requests in under an anonymous role. Access control inside the domain is the customer's
    configuration under the shared responsibility model. Medium: all-or-nothing access to the
    data, or anonymous access, behind the network and resource policy.
  EOT
  remediation = <<-EOT
    Enable fine-grained access control (it needs HTTPS, node-to-node encryption and encryption at
    rest) without anonymous access:

        resource "aws_opensearch_domain" "search" {
          # ...
          advanced_security_options {
            enabled                        = true
            anonymous_auth_enabled         = false
            internal_user_database_enabled = false
            master_user_options {
              master_user_arn = aws_iam_role.search_admin.arn
            }
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#advanced_security_options",
    "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/fgac.html",
  ]

  assert {
    attribute "advanced_security_options.enabled" {
      equals  = true
      default = false
    }
    attribute "advanced_security_options.anonymous_auth_enabled" {
      equals  = false
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_opensearch_domain" "search" {  # expect: aws-opensearch-fine-grained-access-control
        domain_name    = "search"
        engine_version = "OpenSearch_2.13"
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

  example "bad" {
    code = <<-EOT
      resource "aws_elasticsearch_domain" "logs" {
        domain_name           = "logs"
        elasticsearch_version = "7.10"
        advanced_security_options {
          enabled                        = true
          anonymous_auth_enabled         = true  # expect: aws-opensearch-fine-grained-access-control
          internal_user_database_enabled = false
          master_user_options {
            master_user_arn = "arn:aws:iam::123456789012:role/search-admin"
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_opensearch_domain" "search" {
        domain_name    = "search"
        engine_version = "OpenSearch_2.13"
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
        advanced_security_options {
          enabled                        = true
          internal_user_database_enabled = false
          master_user_options {
            master_user_arn = "arn:aws:iam::123456789012:role/search-admin"
          }
        }
      }
    EOT
  }
}
