rule "aws-opensearch-audit-logging" {
  title     = "OpenSearch domain does not publish audit logs"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_opensearch_domain", "aws_elasticsearch_domain"]
  aliases   = ["AVD-AWS-0042", "aws-elasticsearch-enable-domain-logging"]

  description = <<-EOT
    Audit logs record who authenticated to the domain, which indices and documents they read or
    changed, and failed logins and permission denials. A domain publishes them to CloudWatch Logs
    only with a `log_publishing_options` block whose `log_type = "AUDIT_LOGS"` is not disabled
    (`enabled` defaults to `true`); search slow logs and application logs do not record access.
    Audit logs also require fine-grained access control on the domain. Recording access to the
    data is the customer's side of the shared responsibility model. Severity is medium: missing
    detection, not exposure.
  EOT
  remediation = <<-EOT
    Publish audit logs to a log group whose resource policy lets OpenSearch write to it:

    ```hcl
    resource "aws_opensearch_domain" "search" {
      # ...
      log_publishing_options {
        log_type                 = "AUDIT_LOGS"
        cloudwatch_log_group_arn = aws_cloudwatch_log_group.search_audit.arn
      }
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#log_publishing_options",
    "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/audit-logs.html",
  ]

  assert {
    some "log_publishing_options" {
      attribute "log_type" {
        equals = "AUDIT_LOGS"
      }
      attribute "enabled" {
        equals  = true
        default = true
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_opensearch_domain" "search" {
        domain_name    = "search"
        engine_version = "OpenSearch_2.11"

        log_publishing_options {
          log_type                 = "INDEX_SLOW_LOGS"  # expect: aws-opensearch-audit-logging
          cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:search-slow"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_elasticsearch_domain" "search" {
        domain_name           = "search"
        elasticsearch_version = "7.10"

        log_publishing_options {
          log_type                 = "AUDIT_LOGS"
          cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:search-audit"
          enabled                  = false  # expect: aws-opensearch-audit-logging
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_opensearch_domain" "search" {  # expect: aws-opensearch-audit-logging
        domain_name    = "search"
        engine_version = "OpenSearch_2.11"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_opensearch_domain" "search" {
        domain_name    = "search"
        engine_version = "OpenSearch_2.11"

        log_publishing_options {
          log_type                 = "INDEX_SLOW_LOGS"
          cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:search-slow"
        }

        log_publishing_options {
          log_type                 = "AUDIT_LOGS"
          cloudwatch_log_group_arn = "arn:aws:logs:eu-west-1:111122223333:log-group:search-audit"
        }
      }
    EOT
  }
}
