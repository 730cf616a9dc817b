rule "aws-codeartifact-repository-policy-public" {
  title     = "CodeArtifact repository policy allows any principal"
  severity  = "high"
  area      = "identity-access"
  resources = ["aws_codeartifact_repository_permissions_policy"]

  description = <<-EOT
    A CodeArtifact repository serves the packages builds install. Its permissions policy allowing
    `Principal: "*"` (or `{"AWS": "*"}`) without a condition narrowing the callers lets any AWS
    account read the organization's private packages and, with `codeartifact:PublishPackageVersion`,
    publish versions that builds then install: a software supply-chain compromise. Statements
    limited by a condition such as `aws:PrincipalOrgID` are not reported. Who may use the
    repository is the customer's configuration under the shared responsibility model. High:
    private code exposed, or a path to inject code into builds.
  EOT
  remediation = <<-EOT
    Allow only the organization (or named roles):

        resource "aws_codeartifact_repository_permissions_policy" "libs" {
          domain     = aws_codeartifact_domain.main.domain
          repository = aws_codeartifact_repository.libs.repository
          policy_document = jsonencode({
            Version = "2012-10-17"
            Statement = [{
              Effect    = "Allow"
              Principal = "*"
              Action    = ["codeartifact:ReadFromRepository", "codeartifact:GetRepositoryEndpoint"]
              Resource  = "*"
              Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abcdef1234" } }
            }]
          })
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/codeartifact_repository_permissions_policy",
    "https://docs.aws.amazon.com/codeartifact/latest/ug/repo-policies.html",
  ]

  assert {
    builtin "iam-no-public-principal" {
      attribute = "policy_document"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_codeartifact_repository_permissions_policy" "libs" {
        domain     = "example"
        repository = "libs"
        policy_document = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = "*"  # expect: aws-codeartifact-repository-policy-public
            Action    = ["codeartifact:ReadFromRepository", "codeartifact:PublishPackageVersion"]
            Resource  = "*"
          }]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_codeartifact_repository_permissions_policy" "libs" {
        domain     = "example"
        repository = "libs"
        policy_document = jsonencode({
          Version = "2012-10-17"
          Statement = [{
            Effect    = "Allow"
            Principal = "*"
            Action    = ["codeartifact:ReadFromRepository"]
            Resource  = "*"
            Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abcdef1234" } }
          }]
        })
      }
    EOT
  }
}
