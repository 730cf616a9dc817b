rule "aws-config-aggregator-all-regions" {
  title     = "AWS Config aggregator does not collect from all regions"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_config_configuration_aggregator"]
  aliases   = ["CKV_AWS_121", "AVD-AWS-0019", "aws-config-aggregate-all-regions"]

  description = <<-EOT
    A configuration aggregator gives one view of the resources and compliance of many accounts.
    When it lists `regions` instead of setting `all_regions = true`, resources created in any
    other region (a favourite place for an attacker's or a forgotten test's resources) never
    appear in that view, and regions AWS opens later are left out too. `all_regions` defaults to
    `false`. Medium: a gap in detection rather than an exposure. What the customer records and
    reviews is the customer's side of the shared responsibility model.
  EOT
  remediation = <<-EOT
    Set `all_regions = true` in the aggregation source instead of listing `regions`:

        resource "aws_config_configuration_aggregator" "org" {
          name = "org"

          organization_aggregation_source {
            role_arn    = aws_iam_role.config_aggregator.arn
            all_regions = true
          }
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/config_configuration_aggregator",
    "https://docs.aws.amazon.com/config/latest/developerguide/aggregate-data.html",
  ]

  assert {
    each "account_aggregation_source" {
      attribute "all_regions" {
        equals  = true
        default = false
      }
    }
    each "organization_aggregation_source" {
      attribute "all_regions" {
        equals  = true
        default = false
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_config_configuration_aggregator" "accounts" {
        name = "accounts"

        account_aggregation_source {  # expect: aws-config-aggregator-all-regions
          account_ids = ["111111111111", "222222222222"]
          regions     = ["eu-west-1"]
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_config_configuration_aggregator" "org" {
        name = "org"

        organization_aggregation_source {
          role_arn    = "arn:aws:iam::111111111111:role/config-aggregator"
          regions     = ["eu-west-1", "us-east-1"]
          all_regions = false  # expect: aws-config-aggregator-all-regions
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_config_configuration_aggregator" "org" {
        name = "org"

        organization_aggregation_source {
          role_arn    = "arn:aws:iam::111111111111:role/config-aggregator"
          all_regions = true
        }
      }
    EOT
  }
}
