rule "aws-opensearch-access-policy-public" {
  title     = "OpenSearch domain with a public endpoint allows any principal in its access policy"
  severity  = "critical"
  area      = "identity-access"
  resources = ["aws_opensearch_domain", "aws_elasticsearch_domain"]

  description = <<-EOT
    A domain created without `vpc_options` has an endpoint on the internet, and its resource-based
    access policy is what decides who may call it. A statement allowing `Principal: "*"` (or
    `{"AWS": "*"}`) without a condition narrowing the callers (such as `aws:SourceIp` or
    `aws:PrincipalOrgID`) lets anyone on the internet send unsigned requests: read every index,
    write documents and delete the data. Exposed search clusters are among the most common sources
    of large data leaks. Critical: direct public exposure of data. The rule reads
    `access_policies` of the domain resources; domains placed in a VPC are not checked, since
    there the network decides reachability, and policies set with the separate
    `aws_opensearch_domain_policy` resource are not tied to their domain's placement (see
    docs/rules/not-ported.md). Who may call the domain is the customer's configuration under the
    shared responsibility model.
  EOT
  remediation = <<-EOT
    Place the domain in a VPC, or name the principals (and add fine-grained access control):

        resource "aws_opensearch_domain" "search" {
          # ...
          access_policies = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect    = "Allow"
              Principal = { AWS = aws_iam_role.search_app.arn }
              Action    = "es:ESHttp*"
              Resource  = "arn:aws:es:eu-west-1:123456789012:domain/search/*"
            }]
          })
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/opensearch_domain#access_policies",
    "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html",
  ]

  when {
    attribute "vpc_options" {
      present = false
    }
  }

  assert {
    builtin "iam-no-public-principal" {
      attribute = "access_policies"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_opensearch_domain" "search" {
        domain_name    = "search"
        engine_version = "OpenSearch_2.13"
        access_policies = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = { AWS = "*" }  # expect: aws-opensearch-access-policy-public
            Action    = "es:*"
            Resource  = "arn:aws:es:eu-west-1:123456789012:domain/search/*"
          }]
        })
      }
    EOT
  }

  example "bad" {
    lines = [4]
    code  = <<-EOT
      resource "aws_elasticsearch_domain" "logs" {
        domain_name           = "logs"
        elasticsearch_version = "7.10"
        access_policies       = <<POLICY
      {
        "Version": "2012-10-17",
        "Statement": [
          {
            "Effect": "Allow",
            "Principal": "*",
            "Action": "es:ESHttpGet",
            "Resource": "arn:aws:es:eu-west-1:123456789012:domain/logs/*"
          }
        ]
      }
      POLICY
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_opensearch_domain" "search" {
        domain_name    = "search"
        engine_version = "OpenSearch_2.13"
        access_policies = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = { AWS = "*" }
            Action    = "es:ESHttp*"
            Resource  = "arn:aws:es:eu-west-1:123456789012:domain/search/*"
            Condition = { IpAddress = { "aws:SourceIp" = ["203.0.113.0/24"] } }
          }]
        })
      }
      resource "aws_opensearch_domain" "internal" {
        domain_name    = "internal"
        engine_version = "OpenSearch_2.13"
        vpc_options {
          subnet_ids         = ["subnet-0123456789abcdef0"]
          security_group_ids = ["sg-0123456789abcdef0"]
        }
        access_policies = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = { AWS = "*" }
            Action    = "es:ESHttp*"
            Resource  = "arn:aws:es:eu-west-1:123456789012:domain/internal/*"
          }]
        })
      }
    EOT
  }
}
