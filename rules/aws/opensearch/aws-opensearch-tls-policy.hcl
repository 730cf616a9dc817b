rule "aws-opensearch-tls-policy" {
  title     = "OpenSearch domain endpoint accepts TLS versions older than 1.2"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_opensearch_domain", "aws_elasticsearch_domain"]
  aliases   = ["CKV_AWS_228", "AVD-AWS-0126", "aws-elasticsearch-use-secure-tls-policy"]

  description = <<-EOT
    `domain_endpoint_options.tls_security_policy = "Policy-Min-TLS-1-0-2019-07"` lets clients
    negotiate TLS 1.0 and 1.1, whose weaknesses (legacy cipher suites, downgrade attacks) are why
    they are deprecated; search queries and indexed documents, often logs with personal data,
    then travel over a weak channel. `Policy-Min-TLS-1-2-2019-07` and the newer
    `Policy-Min-TLS-1-2-PFS-2023-10` accept TLS 1.2 and later only. The choice of policy is the
    customer's configuration under the shared responsibility model. An absent policy is not
    reported: the default AWS applies has changed over time and the provider does not fix it, so
    set it explicitly. Severity is high: sensitive data protected by deprecated protocols.
  EOT
  remediation = <<-EOT
    Require TLS 1.2 or later:

    ```hcl
    resource "aws_opensearch_domain" "search" {
      # ...
      domain_endpoint_options {
        enforce_https       = true
        tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
      }
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#tls_security_policy",
    "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/infrastructure-security.html",
  ]

  when {
    attribute "domain_endpoint_options.tls_security_policy" {
      present = true
    }
  }

  assert {
    attribute "domain_endpoint_options.tls_security_policy" {
      not_equals = "Policy-Min-TLS-1-0-2019-07"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_opensearch_domain" "search" {
        domain_name    = "search"
        engine_version = "OpenSearch_2.11"

        domain_endpoint_options {
          enforce_https       = true
          tls_security_policy = "Policy-Min-TLS-1-0-2019-07"  # expect: aws-opensearch-tls-policy
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_elasticsearch_domain" "search" {
        domain_name           = "search"
        elasticsearch_version = "7.10"

        domain_endpoint_options {
          enforce_https       = true
          tls_security_policy = "Policy-Min-TLS-1-0-2019-07"  # expect: aws-opensearch-tls-policy
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_opensearch_domain" "search" {
        domain_name    = "search"
        engine_version = "OpenSearch_2.11"

        domain_endpoint_options {
          enforce_https       = true
          tls_security_policy = "Policy-Min-TLS-1-2-PFS-2023-10"
        }
      }
    EOT
  }
}
